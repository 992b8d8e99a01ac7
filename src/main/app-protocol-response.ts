/**
 * The answer to one `app:` request: the file from the built renderer folder with its content type
 * and our security headers, or a plain refusal. No electron import: `protocol.handle` in
 * app-protocol.ts only forwards to this, and the tests call it with Node's own Request.
 */
import { APP_ORIGIN } from './app-origin';
import { resolveAppPath } from './app-protocol-resolve';
import { CSP } from '../core/content-security-policy';
import { PAGE_FILE_BYTES, readRegularFile } from '../store/regular-file';

/** Electron adds `initiatorOrigin` to the requests it hands `protocol.handle` (absent when the
 * browser itself started the request, as for the window's first load). */
export type AppRequest = Pick<Request, 'url' | 'method'> & { initiatorOrigin?: string };

export interface AppFiles {
  read(path: string): Promise<Uint8Array<ArrayBuffer>>;
  realpath?(path: string): string;
}

const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

const refusal = (status: number, reason: string) => new Response(reason, { status, headers: { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });

/**
 * Files are read at once, as the web host's are (`static-files.ts`): while the main process opens a
 * large log, each asynchronous step of a read waited for the opening to let other work run. A FIFO
 * or a device is refused without waiting on it (see regular-file.ts).
 */
const readAtOnce: AppFiles = {
  read: async (path) => {
    const bytes = readRegularFile(path, PAGE_FILE_BYTES);
    if (!bytes) throw new Error(`${path} is missing`);
    return bytes;
  },
};

export async function respondToAppRequest(request: AppRequest, root: string, files: AppFiles = readAtOnce): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'method not allowed');
  // Only our own page (or the browser itself) may load our files; a page of another origin,
  // or an opaque one (`null`: sandboxed frames, data: documents), may not even embed them.
  if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== APP_ORIGIN) return refusal(403, 'not our origin');
  const resolved = resolveAppPath(request.url, root, files.realpath);
  if (!resolved.ok) return refusal(resolved.status, resolved.reason);
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await files.read(resolved.file);
  } catch {
    // A folder, or a file removed since it was resolved.
    return refusal(404, 'no such file');
  }
  const headers = { ...SECURITY_HEADERS, 'content-type': resolved.contentType, 'content-length': String(body.byteLength) };
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
