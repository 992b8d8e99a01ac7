/**
 * A file of the app's own (its built page), read at once on the calling thread, or undefined where
 * it is not a regular file. Opened without waiting (`O_NONBLOCK`) and checked on its descriptor: a
 * FIFO put in the folder would otherwise stop the whole thread until something wrote to it (an
 * outside review found a web host frozen so), and a folder fails to read.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';

export function readRegularFile(path: string): Buffer<ArrayBuffer> | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
