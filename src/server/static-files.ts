/**
 * The built renderer, served from one folder. A request path is untrusted text: anything that
 * could name a file outside the folder, or that the file system could read differently from how
 * it was checked (NUL, backslash, encoded slash), is refused before the disk is touched.
 */
import { realpathSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { PAGE_FILE_BYTES, readRegularFile } from '../store/regular-file';
import { HttpRefusal } from './refusal';

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };

const refused = (status: 400 | 403, message: string) => new HttpRefusal(status, 'invalid', message, { field: 'path' });

/** The absolute file a request URL names inside `staticDir`; throws an HttpRefusal otherwise. */
export function resolveStaticPath(staticDir: string, url: string): string {
  const raw = url.split('?')[0]!;
  if (!raw.startsWith('/')) throw refused(400, 'must start with "/"');
  // Checked before decoding: once decoded, `%2f` is indistinguishable from a real separator.
  if (/%(2f|5c|00)/i.test(raw)) throw refused(400, 'holds an encoded slash, backslash or NUL byte');
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    throw refused(400, 'is not valid percent-encoding');
  }
  if (path.includes('\0') || path.includes('\\')) throw refused(400, 'holds a backslash or NUL byte');
  const root = resolve(staticDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  if (!file.startsWith(root + sep)) throw refused(403, 'is outside the app');
  return file;
}

/**
 * The file's bytes and type, or undefined when it is missing, not a regular file (a folder, a
 * FIFO), or a link leading out. Read at once, in a millisecond: while the host opens a large log
 * its thread lets requests in only every few tens of milliseconds, and reading asynchronously (two
 * realpaths, an open, a read per 512 KiB, a close) took one of those turns for each step, 0.2-0.35 s
 * for each of the page's files.
 */
export function readStaticFile(staticDir: string, file: string): { bytes: Buffer; type: string } | undefined {
  let realRoot: string, realFile: string;
  try {
    [realRoot, realFile] = [realpathSync(staticDir), realpathSync(file)];
  } catch {
    return undefined;
  }
  if (!realFile.startsWith(realRoot + sep)) return undefined;
  try {
    const bytes = readRegularFile(realFile, PAGE_FILE_BYTES);
    return bytes && { bytes, type: CONTENT_TYPES[extname(realFile)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}
