/**
 * The key of the bytes a large log was read from (`BlockHash`, what its stored index is keyed by),
 * worked out once the log is open rather than while two threads read it: hashing the bytes again
 * on both cores takes a tenth of reading them, and the user no longer waits for it.
 *
 * The key must be that of the bytes the index was made from. Every line was hashed from the bytes
 * it was parsed from, and the chain checked; the key is then the hash of the file as it is now,
 * used only if the file's ctime has not moved since before the read began (`still-file.ts`): no
 * write reached it in between. Any write does move it, this process's appends too (the index is
 * then not stored, and the next open reads the log in full). A write the ctime does not show (a
 * page already written through a shared mapping) could leave an index keyed by bytes other than
 * those read; the records are still those the chain verified, and a line read back is checked
 * against its digest (`LineSource`), so the change is refused where it is read, not believed.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { BlockHash } from './block-hash';
import { stillAt } from './still-file';

/** The key of the first `bytes` of the file at `path`, if it is still the file read (`file`) and unchanged since `since` (its ctime then). */
export async function keyOnceOpen(path: string, file: { dev: number; ino: number }, bytes: number, since: number): Promise<string | undefined> {
  let fd: number;
  try {
    // Not blocking on a FIFO put in the log's place: it is no regular file, and its dev and ino differ.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const { dev, ino } = fstatSync(fd);
    if (dev !== file.dev || ino !== file.ino || !stillAt(fd, since)) return undefined;
    const hash = await BlockHash.ofFile(fd, bytes);
    return hash && stillAt(fd, since) ? hash.digest() : undefined;
  } finally {
    closeSync(fd);
  }
}
