/**
 * The worker behind `checkLinesInWorker`: reads the log file itself (a million records would cost
 * more to send than to read again), and checks lines from the first until it meets the caller.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkInto, workerTakes, type FileIdentity, type LineShapes } from './check-lines';
import { eachLine } from './each-line';

const { path, position } = workerData as { path: string; position: Int32Array };
const fd = openSync(path, 'r');
const { dev, ino, size, mtimeMs } = fstatSync(fd);
const file: FileIdentity = { dev, ino, size, mtimeMs };
const shapes: LineShapes = { olderRules: new Map() };
let line = 0;
eachLine(fd, (buffer, start, end) => {
  line += 1;
  if (!workerTakes(position, line)) return false;
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
