/**
 * Electron's security checklist, applied app-wide: no navigation, no new windows, no webviews,
 * no permissions, and a strict Content-Security-Policy on every response.
 */
import { app, session, shell, type WebContents } from 'electron';

export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** True when a URL belongs to our own page (the built file, or electron-vite's dev server). */
export function isAppUrl(url: string): boolean {
  const dev = process.env.ELECTRON_RENDERER_URL;
  if (dev && url.startsWith(dev)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && parsed.pathname.endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

function guard(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
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
  // No remote content: only our own files and the local dev server may load.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('file:') || details.url.startsWith('devtools:') || details.url.startsWith('blob:') || details.url.startsWith('data:') || isAppUrl(details.url) || (process.env.ELECTRON_RENDERER_URL !== undefined && details.url.startsWith(new URL(process.env.ELECTRON_RENDERER_URL).origin));
    callback({ cancel: !allowed });
  });
}
