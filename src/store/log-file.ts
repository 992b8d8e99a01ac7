/** Checks that a path can be a log file before anything opens it: problems are sentences, not errnos. */
import { statSync } from 'node:fs';
import { IncumbentError } from '../core/errors';

/** True when `path` is a regular file, false when nothing is there; throws `invalid` otherwise. */
export function isLogFile(path: string): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new IncumbentError('invalid', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (!stat.isFile()) throw new IncumbentError('invalid', `${path} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a log file`);
  return true;
}

/** Throws `not-found` unless `path` is an existing log file. */
export function requireLogFile(path: string): void {
  if (!isLogFile(path)) throw new IncumbentError('not-found', `no log at ${path}`);
}
