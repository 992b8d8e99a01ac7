/**
 * A log large enough to be read on two threads (30,000 generated events, about 21 MB), for the
 * tests that hold reading and verifying on two threads to doing it on one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generateLog } from '../../bench/generate';
import { ownShareEnd, PARALLEL_READING_BYTES } from './read-log';
import { GENESIS_HASH, sha256 } from './seal';

export type LogRecord = { [key: string]: unknown; seq: number; id: string; prevhash: string; subject: string; type: string; data: { [key: string]: unknown } };

/** The log's records as generated into `dir`, and the index of the first one in the worker's share. */
export async function largeLog(dir: string): Promise<{ records: LogRecord[]; first: number }> {
  const path = join(dir, 'base.jsonl');
  await generateLog(path, 30_000, 5);
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(PARALLEL_READING_BYTES);
  const records = bytes.toString().trimEnd().split('\n').map((line) => JSON.parse(line) as LogRecord);
  return { records, first: bytes.subarray(0, ownShareEnd(bytes.length)).toString().split('\n').length };
}

/** Lines of the records, each chained to the one before as written, so that only the change made is wrong. */
export const sealed = (records: LogRecord[]): string[] => {
  let prevhash = GENESIS_HASH;
  return records.map((record) => {
    const line = JSON.stringify({ ...record, prevhash });
    prevhash = sha256(line);
    return line;
  });
};
