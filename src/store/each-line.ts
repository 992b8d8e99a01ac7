/** Reading a log file line by line, a chunk at a time (a million-line log is never one string). */
import { readSync } from 'node:fs';

const NEWLINE = 0x0a;
/**
 * Lines between two chances for other work, in bytes: a few milliseconds of them. A page loading
 * from a host that is opening a log needs a few of those chances for each file it asks for; after
 * each 8 MiB chunk alone (0.1-0.3 s), a page took two seconds to load beside a 180 MB log.
 */
const YIELD_BYTES = 1 << 20;
type Line = (buffer: Buffer, start: number, end: number) => boolean | void;

/**
 * Reads the file behind `fd` from byte `from` (the start of a line) and gives `line` each newline-ended line, as
 * `buffer[start, end)` (valid during the call only). Stops when `line` returns false. Returns how
 * many bytes followed the last newline (an unfinished last line), or 0 when stopped.
 */
export function eachLine(fd: number, line: Line, chunk = 8 << 20, from = 0): number {
  const chunks = lineChunks(fd, line, chunk, from);
  for (;;) {
    const step = chunks.next();
    if (step.done) return step.value;
  }
}

/**
 * As `eachLine`, letting the thread's other work run after each `YIELD_BYTES` of lines: a host
 * opening a large log still serves its page and answers its window meanwhile.
 */
export async function eachLineYielding(fd: number, line: Line, chunk = 8 << 20, from = 0): Promise<number> {
  const chunks = lineChunks(fd, line, chunk, from);
  for (;;) {
    const step = chunks.next();
    if (step.done) return step.value;
    await new Promise(setImmediate);
  }
}

/** The reading itself: one step per chunk read. */
function* lineChunks(fd: number, line: Line, chunk: number, from: number): Generator<void, number> {
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
    let yielded = 0;
    for (let end = buffer.indexOf(NEWLINE, start); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
      if (line(buffer, start, end) === false) return 0;
      start = end + 1;
      if (start - yielded >= YIELD_BYTES) {
        yielded = start;
        yield;
      }
    }
    buffer.copy(buffer, 0, start, filled);
    filled -= start;
    if (read === 0) return filled;
    yield;
  }
}
