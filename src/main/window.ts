/** The main window: locked-down web preferences, and a size and position that are remembered. */
import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';
import type { SettingsStore } from '../store/settings';
import { APP_INDEX_URL } from './app-origin';

const here = import.meta.dirname;

/** Keeps saved bounds only if they are still on a connected display. */
function visibleBounds(saved: NonNullable<ReturnType<SettingsStore['get']>['window']>) {
  if (saved.x === undefined || saved.y === undefined) return { width: saved.width, height: saved.height };
  const area = screen.getDisplayMatching({ x: saved.x, y: saved.y, width: saved.width, height: saved.height }).workArea;
  const inside = saved.x >= area.x - 50 && saved.y >= area.y - 50 && saved.x < area.x + area.width - 100 && saved.y < area.y + area.height - 100;
  return inside ? saved : { width: saved.width, height: saved.height };
}

/** `fragment`: where the page starts (a checked moment link's `#company=...&at=...`), or ''. */
export function createMainWindow(settings: SettingsStore, fragment = ''): BrowserWindow {
  const saved = settings.get().window ?? { width: 1360, height: 860 };
  const window = new BrowserWindow({
    ...visibleBounds(saved),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Incumbent',
    backgroundColor: '#101418',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const maximized = window.isMaximized();
    const bounds = maximized ? (settings.get().window ?? window.getNormalBounds()) : window.getBounds();
    void settings.update((s) => {
      s.window = { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized };
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const rememberSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 400);
  };
  window.on('resize', rememberSoon);
  window.on('move', rememberSoon);
  window.on('close', remember);

  // The built page comes from our own scheme (app-protocol.ts), never from file://.
  void window.loadURL(`${process.env.ELECTRON_RENDERER_URL || APP_INDEX_URL}${fragment}`);
  return window;
}
