/**
 * The worker behind `checkLinesInWorker`: reads the log file itself (a million records would cost
 * more to send than to read again), and checks each line against the record schema.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { checkStoredRecord } from '../core/validate';
import type { LineShapes } from './check-lines';

const NEWLINE = 0x0a;
const fd = openSync((workerData as { path: string }).path, 'r');
const result: LineShapes = { olderRules: new Map() };
let buffer = Buffer.allocUnsafe(8 << 20);
let [filled, position, line] = [0, 0, 0];
reading: for (;;) {
  if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
  const read = readSync(fd, buffer, filled, buffer.length - filled, position);
  [position, filled] = [position + read, filled + read];
  let start = 0;
  for (let end = buffer.indexOf(NEWLINE); end !== -1 && end < filled; end = buffer.indexOf(NEWLINE, start)) {
    line += 1;
    let record: unknown;
    try {
      record = JSON.parse(buffer.toString('utf8', start, end));
    } catch {
      // Not a record at all: reading the log reports that line, with the chain's context.
      record = undefined;
    }
    start = end + 1;
    if (record === undefined) continue;
    try {
      const olderRule = checkStoredRecord(record);
      if (olderRule) result.olderRules.set(line, olderRule);
    } catch (error) {
      result.problem = { line, message: (error as Error).message };
      break reading;
    }
  }
  buffer.copy(buffer, 0, start, filled);
  filled -= start;
  if (read === 0) break;
}
closeSync(fd);
parentPort!.postMessage(result);
