/**
 * Reading a small file that sits beside a log (its anchor, its index) without trusting what is at
 * that name: a FIFO would block a plain read for ever, and a device (a link to /dev/zero) would
 * fill memory. Opened without blocking, checked to be a regular file of a bounded size, and read
 * only up to that size.
 */
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { readFully } from './read-fully';

/** More than any file of the app's built page holds (its script is about 1 MB): the hosts' bound on what they serve. */
export const PAGE_FILE_BYTES = 64 << 20;

/**
 * The file's bytes, in a buffer whose memory starts at them (typed arrays of any width can view
 * it at aligned offsets); undefined when there is no file. Throws when it is not a regular file or
 * is larger than `maxBytes`.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer<ArrayBuffer> | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new Error(`${path} is not a regular file`);
    if (stats.size > maxBytes) throw new Error(`${path} is larger (${stats.size} bytes) than it could be (${maxBytes})`);
    const bytes = Buffer.from(new ArrayBuffer(stats.size));
    return bytes.subarray(0, readFully(fd, bytes, 0));
  } finally {
    closeSync(fd);
  }
}
