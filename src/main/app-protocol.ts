/**
 * Serves the built renderer on `app://incumbent/` (Electron security checklist 18 and 19: a
 * custom protocol instead of file://, with a handler that only serves our own folder).
 * The logic lives in app-protocol-response.ts and app-protocol-resolve.ts; this is only glue.
 */
import { protocol } from 'electron';
import { APP_SCHEME, APP_SCHEME_PRIVILEGED } from './app-origin';
import { respondToAppRequest, type AppRequest } from './app-protocol-response';

/** Must run before the app is ready, and only once: Electron keeps only the last call's list. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGED]);
}

/** Once the app is ready: answer every `app:` request from `root` (out/renderer). */
export function serveAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request as AppRequest, root));
}
