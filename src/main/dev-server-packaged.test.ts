/**
 * ELECTRON_RENDERER_URL is electron-vite's dev server, set by `npm run dev`. A packaged app read it
 * too: set in its environment by whatever launched it, the window loaded that page and every origin
 * check (navigation, web requests, IPC senders) trusted it, handing a page from anywhere the whole
 * bridge. The main process drops it, first thing, when packaged; an unpackaged run keeps it.
 */
import { afterEach, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({ packaged: true }));
vi.mock('electron', () => ({
  app: {
    get isPackaged() {
      return fake.packaged;
    },
    commandLine: { appendSwitch: () => {} },
    setPath: () => {},
    // Another instance holds the lock: index.ts quits at once, after its start-up lines.
    requestSingleInstanceLock: () => false,
    quit: () => {},
  },
  protocol: { registerSchemesAsPrivileged: () => {} },
  BrowserWindow: class {},
  dialog: {},
  ipcMain: {},
  nativeTheme: {},
}));

afterEach(() => {
  delete process.env.ELECTRON_RENDERER_URL;
  vi.resetModules();
});

it.each([
  [true, undefined],
  [false, 'http://localhost:5173/'],
])('packaged %s: ELECTRON_RENDERER_URL afterwards is %s', async (packaged, expected) => {
  fake.packaged = packaged;
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
  await import('./index');
  expect(process.env.ELECTRON_RENDERER_URL).toBe(expected);
});
