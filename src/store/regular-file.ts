/**
 * Reading a small file that sits beside a log (its anchor, its index) without trusting what is at
 * that name: a FIFO would block a plain read for ever, and a device (a link to /dev/zero) would
 * fill memory. Opened without blocking, checked to be a regular file of a bounded size, and read
 * only up to that size.
 */
import { closeSync, constants, fstatSync, openSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { readFully } from './read-fully';

/** More than any file of the app's built page holds (its script is about 1 MB): the hosts' bound on what they serve. */
export const PAGE_FILE_BYTES = 64 << 20;

/** `stats`, if they are a regular file's of at most `maxBytes`; else throws, saying which. */
function checked(stats: Stats, path: string, maxBytes: number): Stats {
  if (!stats.isFile()) throw new Error(`${path} is not a regular file`);
  if (stats.size > maxBytes) throw new Error(`${path} is larger (${stats.size} bytes) than it could be (${maxBytes})`);
  return stats;
}

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
    const stats = checked(fstatSync(fd), path, maxBytes);
    const bytes = Buffer.from(new ArrayBuffer(stats.size));
    return bytes.subarray(0, readFully(fd, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * The same file opened for reading in parts off the event loop (a large index: a host serves its
 * page meanwhile): its handle and size, which the caller closes; undefined when there is no file.
 * Throws as `readRegularFile` does.
 */
export async function openRegularFile(path: string, maxBytes: number): Promise<{ handle: FileHandle; size: number } | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return { handle, size: checked(await handle.stat(), path, maxBytes).size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Fills `bytes` from `from` to `to` with the file's bytes at those offsets; false if the file ends first. */
export async function readRange(handle: FileHandle, bytes: Uint8Array, from: number, to: number): Promise<boolean> {
  for (let at = from; at < to; ) {
    const { bytesRead } = await handle.read(bytes, at, to - at, at);
    if (bytesRead === 0) return false;
    at += bytesRead;
  }
  return true;
}
