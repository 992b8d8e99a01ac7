import { readSync } from 'node:fs';

/**
 * Fills `bytes` from byte `position` of the file behind `fd`, reading again after a short read,
 * until full or at the file's end; returns how many bytes were read.
 */
export function readFully(fd: number, bytes: Uint8Array, position: number): number {
  let read = 0;
  for (let got = 1; read < bytes.length && got > 0; read += got) got = readSync(fd, bytes, read, bytes.length - read, position + read);
  return read;
}
