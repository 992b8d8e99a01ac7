/** Opening a log's files to write them, with a sentence for a file this user may not write. */
import { openSync } from 'node:fs';
import { IncumbentError } from '../core/errors';

/**
 * `openSync(path, flags)`, where a file the user may not write (read-only for them, made immutable,
 * on a read-only file system) is said so and named: Node says only "EPERM: operation not permitted, open ...".
 */
export function openToWrite(path: string, flags: 'r+' | 'w+'): number {
  try {
    return openSync(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    const why = code === 'EROFS' ? 'its file system is mounted read-only' : 'this user may not write it (its permissions, or it is marked immutable)';
    throw new IncumbentError('io', `cannot write ${path}: ${why}; nothing was written`);
  }
}
