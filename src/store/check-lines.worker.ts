/**
 * The worker behind `checkLinesInWorker`: reads the log file itself (a million records would cost
 * more to send than to read again), and checks lines from the first until it meets the caller.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkInto, workerTakes, type FileIdentity, type LineShapes } from './check-lines';

const NEWLINE = 0x0a;
const { path, position } = workerData as { path: string; position: Int32Array };
const fd = openSync(path, 'r');
const { dev, ino, size, mtimeMs } = fstatSync(fd);
const file: FileIdentity = { dev, ino, size, mtimeMs };
const shapes: LineShapes = { olderRules: new Map() };
let buffer = Buffer.allocUnsafe(8 << 20);
let [filled, offset, line] = [0, 0, 0];
reading: for (;;) {
  if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
  const read = readSync(fd, buffer, filled, buffer.length - filled, offset);
  [offset, filled] = [offset + read, filled + read];
  let start = 0;
  for (let end = buffer.indexOf(NEWLINE); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
    line += 1;
    if (!workerTakes(position, line)) break reading;
    let record: unknown;
    try {
      record = JSON.parse(buffer.toString('utf8', start, end));
    } catch {
      // Not a record at all: reading the log reports that line, with the chain's context.
      record = undefined;
    }
    start = end + 1;
    if (record !== undefined && !checkInto(shapes, line, record)) break reading;
  }
  buffer.copy(buffer, 0, start, filled);
  filled -= start;
  if (read === 0) break;
}
closeSync(fd);
parentPort!.postMessage({ shapes, file });
