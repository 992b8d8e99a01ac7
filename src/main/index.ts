/** Electron main: lifecycle only. Windows, menus, IPC and dialogs live in their own files. */
import { app, BrowserWindow, dialog, ipcMain, nativeTheme } from 'electron';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fragmentOfLink, linkInArgv, MOMENT_LINK_SCHEME } from '../core/moment-link';
import { LogSession } from '../service/session';
import { starterLog } from '../service/starter-log';
import { sharedLogs } from '../service/shared-logs';
import { isPostgresUrl } from '../store/log-store';
import { openSettings } from '../store/settings';
import { forgetDevServerWhenPackaged } from './app-origin';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { desktopHandlers } from './desktop';
import { serveIpc } from './ipc';
import { keychain } from './keychain';
import { installMenu } from './menu';
import { applySecurityPolicy } from './security';
import { createMainWindow } from './window';

// First: a packaged app never loads, nor trusts, a dev server named in its environment.
forgetDevServerWhenPackaged(process.env, app.isPackaged);

// Replay allocates many short-lived states while scrubbing; a larger young generation keeps
// garbage collection out of the way (bench: p99 2.4 ms -> 0.6 ms). Set here, the switch reaches the
// renderer processes and their workers, where scrubbing replays (not this main process).
app.commandLine.appendSwitch('js-flags', '--max-semi-space-size=64');

// Before ready, as Electron requires: the page is served on app://incumbent, not file://.
registerAppScheme();

// e2e tests and portable installs point the app at a data folder of their own.
if (process.env.INCUMBENT_DATA_DIR) app.setPath('userData', process.env.INCUMBENT_DATA_DIR);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | undefined;
  // Live: a shared (PostgreSQL) log hears others' appends; a file log has no other writers.
  const session = new LogSession({ appVersion: app.getVersion(), live: true });

  // Links to a moment (incumbent://moment#...): checked, then the page goes there. One that
  // arrives before the window exists is kept and given to the window as it loads.
  let pendingFragment = '';
  const openMomentLink = (link: string) => {
    const checked = fragmentOfLink(link);
    if ('error' in checked) return dialog.showErrorBox('Incumbent could not open this link', checked.error);
    if (window && !window.isDestroyed()) window.webContents.send('menu:command', 'open-moment', checked.fragment);
    else pendingFragment = checked.fragment;
  };
  // An unpackaged app (npm start) registers the command that runs it, as Electron's docs describe.
  if (process.defaultApp) app.setAsDefaultProtocolClient(MOMENT_LINK_SCHEME, process.execPath, [resolve(process.argv[1] ?? '.')]);
  else app.setAsDefaultProtocolClient(MOMENT_LINK_SCHEME);
  // macOS hands links over as an event, Windows and Linux as a new instance's arguments.
  app.on('open-url', (event, link) => {
    event.preventDefault();
    openMomentLink(link);
  });
  const launchLink = linkInArgv(process.argv);
  if (launchLink) openMomentLink(launchLink);

  app.on('second-instance', (_event, argv) => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
    const link = linkInArgv(argv);
    if (link) openMomentLink(link);
  });

  app.whenReady().then(async () => {
    applySecurityPolicy();
    // out/main/index.js sits beside out/renderer, inside app.asar once packaged.
    serveAppScheme(join(import.meta.dirname, '../renderer'));
    const dataDir = app.getPath('userData');
    const settings = await openSettings(join(dataDir, 'settings.json'));
    nativeTheme.themeSource = settings.get().theme;
    const starter = starterLog(dataDir, join(app.getAppPath(), 'data', 'openai-2023-11.jsonl'));
    const last = settings.get().lastLog;
    const shared = sharedLogs({ open: async (location) => (await session.open(location))['log:summary']({}), settings, secrets: keychain });
    // The window comes first and the log opens behind it (seconds at a million events): the page's
    // calls wait for it. If it fails, the page shows why and offers to open another log.
    const reopenLast = async () => {
      // A shared log comes back at start only if its password need not be asked for.
      const reopened = last && isPostgresUrl(last) ? (await shared.reopen(last)) !== 'ask' : false;
      if (!reopened) await session.open(last && existsSync(last) ? last : starter);
    };
    session.waitFor(reopenLast());
    const current = () => (window && !window.isDestroyed() ? window : undefined);
    let rebuildMenu = () => {};
    const desktop = desktopHandlers(session, settings, shared, current, () => {
      rebuildMenu();
      current()?.webContents.send('menu:command', 'log-changed');
    });
    serveIpc(ipcMain, session.handlers(), desktop, current);
    rebuildMenu = installMenu(current, desktop, settings);
    window = createMainWindow(settings, pendingFragment);
  }).catch((error: Error) => {
    dialog.showErrorBox('Incumbent could not start', error.message);
    app.quit();
  });

  app.on('window-all-closed', () => {
    session.close();
    app.quit();
  });
}
