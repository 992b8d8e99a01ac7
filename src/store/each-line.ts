/** Reading a log file line by line, a chunk at a time (a million-line log is never one string). */
import { readSync } from 'node:fs';

const NEWLINE = 0x0a;

/**
 * Reads the file behind `fd` from byte `from` (the start of a line) and gives `line` each newline-ended line, as
 * `buffer[start, end)` (valid during the call only). Stops when `line` returns false. Returns how
 * many bytes followed the last newline (an unfinished last line), or 0 when stopped.
 */
export function eachLine(fd: number, line: (buffer: Buffer, start: number, end: number) => boolean | void, chunk = 8 << 20, from = 0): number {
  let buffer = Buffer.allocUnsafe(Math.max(chunk, 1));
  let filled = 0;
  let position = from;
  for (;;) {
    // A line longer than the buffer: room for all of it.
    if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const read = readSync(fd, buffer, filled, buffer.length - filled, position);
    position += read;
    filled += read;
    let start = 0;
    for (let end = buffer.indexOf(NEWLINE, start); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
      if (line(buffer, start, end) === false) return 0;
      start = end + 1;
    }
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
    if (read === 0) return filled;
  }
}
