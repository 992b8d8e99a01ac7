/**
 * The app-wide guard of security.ts, against a fake of the Electron APIs it wires: every frame's
 * navigation (the main frame's and any subframe's) stays on our origin, new windows are denied
 * (https links go to the system browser), webviews and redirects are refused, and so are permissions.
 */
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  app: undefined as unknown as import('node:events').EventEmitter,
  opened: [] as string[],
  permissionRequest: undefined as undefined | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
}));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.app = new Emitter();
  return {
    app: fake.app,
    shell: { openExternal: async (url: string) => void fake.opened.push(url) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof fake.permissionRequest) => (fake.permissionRequest = handler),
        setPermissionCheckHandler: (handler: typeof fake.permissionCheck) => (fake.permissionCheck = handler),
        webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
      },
    },
  };
});
const { applySecurityPolicy } = await import('./security');

class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

/** Emits `name` on `contents` as Electron does (an event object first) and says whether it was prevented. */
function prevented(contents: FakeContents, name: string, url: string, isMainFrame = true): boolean {
  let stopped = false;
  const event = { url, isMainFrame, preventDefault: () => void (stopped = true) };
  contents.emit(name, event, url);
  return stopped;
}

let contents: FakeContents;
beforeAll(() => {
  applySecurityPolicy();
  contents = new FakeContents();
  fake.app.emit('web-contents-created', {}, contents);
});

describe('navigation', () => {
  it('keeps the main frame on our origin', () => {
    expect(prevented(contents, 'will-navigate', 'https://attacker.example/')).toBe(true);
    expect(prevented(contents, 'will-navigate', 'app://incumbent/index.html')).toBe(false);
  });

  it('keeps every subframe on our origin too (will-navigate is emitted for the main frame only)', () => {
    expect(prevented(contents, 'will-frame-navigate', 'https://attacker.example/', false)).toBe(true);
    expect(prevented(contents, 'will-frame-navigate', 'file:///etc/passwd', false)).toBe(true);
    expect(prevented(contents, 'will-frame-navigate', 'app://incumbent/index.html', false)).toBe(false);
  });

  it('refuses every redirect and every webview', () => {
    expect(prevented(contents, 'will-redirect', 'app://incumbent/index.html')).toBe(true);
    expect(prevented(contents, 'will-attach-webview', 'app://incumbent/index.html')).toBe(true);
  });
});

describe('new windows and permissions', () => {
  it('denies every new window, and hands only https links to the system browser', () => {
    for (const url of ['https://example.com/source', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://incumbent/']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.opened).toEqual(['https://example.com/source']);
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    fake.permissionRequest?.({}, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(fake.permissionCheck?.({}, 'clipboard-read', 'app://incumbent', {})).toBe(false);
  });
});
