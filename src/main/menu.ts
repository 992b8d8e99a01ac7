/** The application menu. Items that act on the page's current moment send it a command. */
import { app, dialog, Menu, nativeTheme, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/desktop-contract';
import { IncumbentError } from '../core/errors';
import { isPostgresUrl } from '../store/log-store';
import type { SettingsStore } from '../store/settings';
import type { DesktopHandlers } from './ipc';

export function installMenu(window: () => BrowserWindow | undefined, desktop: DesktopHandlers, settings: SettingsStore): () => void {
  const send = (command: MenuCommand, detail?: string) => window()?.webContents.send('menu:command', command, detail);
  const run = (action: () => Promise<unknown>) => () => {
    action().catch((error: Error) => dialog.showErrorBox('Incumbent', error.message));
  };
  // A shared log whose password is not kept: the page's Open Shared Log dialog asks for it, filled in.
  const openRecent = (path: string) =>
    run(async () => {
      try {
        await desktop['file:openRecent']({ path });
      } catch (error) {
        if (!(isPostgresUrl(path) && error instanceof IncumbentError && error.field === 'password')) throw error;
        send('open-shared-log', path);
      }
    });
  const setTheme = (theme: 'system' | 'light' | 'dark') => () => {
    nativeTheme.themeSource = theme;
    void settings.update((s) => {
      s.theme = theme;
    });
    send('theme', theme);
  };

  const build = () => {
    // Labels escape '&' (a connection string's query has them; Electron reads one as a mnemonic).
    const recent = settings.get().recent;
    const theme = settings.get().theme;
    const template: MenuItemConstructorOptions[] = [
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      {
        label: '&File',
        submenu: [
          { label: 'New Log…', accelerator: 'CmdOrCtrl+N', click: run(() => desktop['file:new']({})) },
          { label: 'Open Log…', accelerator: 'CmdOrCtrl+O', click: run(() => desktop['file:open']({})) },
          { label: 'Open Shared Log…', click: () => send('open-shared-log') },
          {
            label: 'Open Recent',
            submenu: recent.length ? recent.map((path) => ({ label: path.replaceAll('&', '&&'), click: openRecent(path) })) : [{ label: 'No recent logs', enabled: false }],
          },
          { type: 'separator' },
          { label: 'Add Event…', accelerator: 'CmdOrCtrl+Shift+A', click: () => send('add-event') },
          { label: 'Import Events…', accelerator: 'CmdOrCtrl+I', click: () => send('import-events') },
          { type: 'separator' },
          { label: 'Export Snapshot…', accelerator: 'CmdOrCtrl+E', click: () => send('export-snapshot') },
          { label: 'Copy Snapshot', accelerator: 'CmdOrCtrl+Shift+C', click: () => send('copy-snapshot') },
          { label: 'Export Events…', click: () => send('export-events') },
          { type: 'separator' },
          process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
        ],
      },
      { role: 'editMenu' },
      {
        label: '&View',
        submenu: [
          { label: 'Compare Two Moments', accelerator: 'CmdOrCtrl+K', click: () => send('compare') },
          { type: 'separator' },
          { role: 'resetZoom' },
          { role: 'zoomIn' },
          { role: 'zoomOut' },
          { type: 'separator' },
          {
            label: 'Theme',
            submenu: (['system', 'light', 'dark'] as const).map((t) => ({ label: t[0]!.toUpperCase() + t.slice(1), type: 'radio' as const, checked: theme === t, click: setTheme(t) })),
          },
          { role: 'togglefullscreen' },
          ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        ],
      },
      {
        role: 'help',
        submenu: [
          {
            label: 'About Incumbent',
            click: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: 'About Incumbent',
                message: `Incumbent ${app.getVersion()}`,
                detail: 'Who held which seat at a company at any moment, and how we know.\n\nThe same log works from the command line: `incumbent snapshot --at …`, `incumbent verify`, `incumbent diff`.',
              }),
          },
        ],
      },
    ];
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  build();
  return build;
}
