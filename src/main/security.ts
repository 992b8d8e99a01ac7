/**
 * Electron's security checklist, applied app-wide: no navigation (of any frame), no new windows, no webviews,
 * no permissions, and a strict Content-Security-Policy on every response. Only our own origin
 * (app-origin.ts) may be navigated to or loaded from.
 */
import { app, session, shell, type WebContents } from 'electron';
import { isAppUrl, mayLoad } from './app-origin';
import { CSP } from '../core/content-security-policy';

function guard(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // 'will-navigate' is emitted for the main frame only; a subframe (an iframe of our page) is
  // navigated past it. This one is emitted for every frame.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Citations may link to sources: they open in the user's browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  // No remote content and no file: URLs: only our own origin (app://incumbent, or the dev
  // server's in development), our own blob:/data: URLs and devtools may load.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !mayLoad(details.url) }));
}
