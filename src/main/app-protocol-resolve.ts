/**
 * Maps an `app://incumbent/...` request URL to a file strictly inside the built renderer folder,
 * or refuses it. Pure apart from the injected `realpath`, so traversal is unit-tested without
 * Electron. Chromium already normalises standard-scheme URLs before they reach us; this is the
 * second line, so it refuses anything unusual rather than trying to make sense of it.
 */
import { realpathSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

export type Resolution = { ok: true; file: string; contentType: string } | { ok: false; status: 400 | 403 | 404; reason: string };

/** Module scripts and the module worker are refused by Chromium unless served as JavaScript. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (file: string) => CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

const refuse = (status: 400 | 403 | 404, reason: string): Resolution => ({ ok: false, status, reason });

/** `true` when `child` is `root` itself or below it (both already absolute and normalised). */
const within = (root: string, child: string) => {
  const rel = relative(root, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/**
 * A decoded path segment we are willing to look up: a plain file or folder name. Refused: empty
 * (`//`), `.`/`..`, separators of any platform, NUL and other controls, `:` (drive letters and
 * Windows alternate streams), and `%` (what is left of double encoding such as `%252e`).
 */
const plainName = (segment: string) => segment !== '' && segment !== '.' && segment !== '..' && !/[/\\:%\p{Cc}]/u.test(segment);

/**
 * Resolves `url` against `root` (the built renderer folder). Query and hash take no part in the
 * lookup. The real path (symlinks followed) must stay inside the real root, so a link in the
 * folder that points elsewhere is refused.
 */
export function resolveAppPath(url: string, root: string, realpath: (path: string) => string = realpathSync): Resolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400, 'not a URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return refuse(403, 'not our origin');

  // Segments are split before decoding, so an encoded `/` or `\` can never create a new segment.
  const raw = parsed.pathname === '/' || parsed.pathname === '' ? ['index.html'] : parsed.pathname.slice(1).split('/');
  const names: string[] = [];
  for (const segment of raw) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      return refuse(400, 'malformed percent-encoding');
    }
    if (!plainName(name)) return refuse(403, `refused path segment ${JSON.stringify(segment)}`);
    names.push(name);
  }

  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpath(root);
    const file = join(realRoot, ...names);
    if (!within(realRoot, file) || file === realRoot) return refuse(403, 'outside the app');
    realFile = realpath(file);
  } catch {
    return refuse(404, 'no such file');
  }
  if (!within(realRoot, realFile) || realFile === realRoot) return refuse(403, 'outside the app');
  return { ok: true, file: realFile, contentType: contentTypeOf(realFile) };
}
