// Where the Electron binary is, or why it is not there. Electron 42+ downloads it on first use, and
// `require('electron')` would try to; this only looks, so callers can decide what to say and do.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @returns {{ path?: string, reason?: string }} */
export function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : undefined;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = executable ? join(dist, executable) : undefined;
  if (path && existsSync(path)) return { path };
  return { reason: `the Electron binary has not been downloaded (${path ?? join(packageDir, 'dist')} is missing)` };
}
