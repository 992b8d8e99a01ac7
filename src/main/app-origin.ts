/**
 * Our page's one origin, `app://incumbent`, and the test every check uses to recognise it
 * (navigation, IPC sender, web requests). Pure: no electron import, so it is unit-tested directly.
 */
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'incumbent';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges granted to `app:`, each chosen on purpose (Electron's defaults are all false):
 * - standard: gives the scheme real origins (`app://incumbent`), so relative URLs resolve, `'self'`
 *   in the CSP means our origin, and the module Web Worker and module scripts load same-origin.
 * - secure: a secure context like https (no mixed-content downgrade, Web Crypto available).
 * - supportFetchAPI: the page and its worker may `fetch()` our own assets (same-origin only).
 * - codeCache: V8 caches our own compiled scripts between starts; nothing else is served here.
 * Left off:
 * - corsEnabled: would make every response readable from any origin; we only load same-origin.
 * - bypassCSP: our CSP must apply to everything this scheme serves.
 * - allowServiceWorkers: we have none, and a service worker could outlive and rewrite responses.
 * - stream: no audio or video.
 */
export const APP_SCHEME_PRIVILEGED: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
};

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * electron-vite's `npm run dev` sets ELECTRON_RENDERER_URL. A packaged app has no dev server: one
 * named in its environment (by whatever launched it) would be loaded, and trusted by every check
 * here, so it is dropped before anything reads it.
 */
export function forgetDevServerWhenPackaged(env: Record<string, string | undefined>, packaged: boolean): void {
  if (packaged) delete env.ELECTRON_RENDERER_URL;
}

/** True for a URL on electron-vite's dev server (only when ELECTRON_RENDERER_URL is set). */
export function isDevServerUrl(url: string, devServer = process.env.ELECTRON_RENDERER_URL): boolean {
  if (!devServer) return false;
  const [parsed, dev] = [parse(url), parse(devServer)];
  // Compare whole origins: a string prefix would let `http://localhost:5173.example.com` through.
  return !!parsed && !!dev && parsed.origin === dev.origin;
}

/**
 * True when a URL is on our page's origin (or the dev server's, in development). Compared by
 * protocol and host, not `URL.origin`: Node reports `null` as the origin of custom schemes.
 */
export function isAppUrl(url: string, devServer = process.env.ELECTRON_RENDERER_URL): boolean {
  if (isDevServerUrl(url, devServer)) return true;
  const parsed = parse(url);
  return !!parsed && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The session's web-request allow-list: no file: URLs and no remote content, only our origin,
 * the page's own blob: and data: URLs, and devtools. */
export function mayLoad(url: string, devServer = process.env.ELECTRON_RENDERER_URL): boolean {
  return isAppUrl(url, devServer) || /^(devtools|blob|data):/.test(url);
}
