/**
 * The worker behind `checkLinesInWorker`: reads the log file itself (a million records would cost
 * more to send than to read again), and checks the lines that start at or after byte `from`,
 * counting the lines before them for their numbers.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkInto, noShapes, type FileIdentity } from './check-lines';
import { eachLine } from './each-line';

const { path, from } = workerData as { path: string; from: number };
const fd = openSync(path, 'r');
const { dev, ino, size, mtimeMs } = fstatSync(fd);
const file: FileIdentity = { dev, ino, size, mtimeMs };
const shapes = noShapes();
let [line, offset] = [0, 0];
eachLine(fd, (buffer, start, end) => {
  line += 1;
  const lineStart = offset;
  offset += end - start + 1;
  if (lineStart < from) return;
  let record: unknown;
  try {
    record = JSON.parse(buffer.toString('utf8', start, end));
  } catch {
    // Not a record at all: reading the log reports that line, with the chain's context.
    return;
  }
  return checkInto(shapes, line, record);
});
closeSync(fd);
parentPort!.postMessage({ shapes, file });
