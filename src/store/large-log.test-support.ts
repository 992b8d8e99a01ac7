/**
 * A log large enough to be read on two threads (30,000 generated events, about 21 MB), for the
 * tests that hold reading and verifying on two threads to doing it on one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { generateLog } from '../../bench/generate';
import { PARALLEL_READING_BYTES, shareStart } from './read-share';
import { GENESIS_HASH, sha256 } from './seal';

export type LogRecord = { [key: string]: unknown; seq: number; id: string; prevhash: string; subject: string; type: string; data: { [key: string]: unknown } };

/** The log's records as generated into `dir`, and the index of the first one in the worker's share. */
export async function largeLog(dir: string): Promise<{ records: LogRecord[]; first: number }> {
  const path = join(dir, 'base.jsonl');
  await generateLog(path, 30_000, 5);
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(PARALLEL_READING_BYTES);
  const records = bytes.toString().trimEnd().split('\n').map((line) => JSON.parse(line) as LogRecord);
  return { records, first: bytes.subarray(0, shareStart(bytes.length)).toString().split('\n').length };
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

/** A folder of its own for a test file (`incumbent-NAME-...`), and `write`, which puts content in a new file there. */
export function scratch(name: string): { dir: string; write: (content: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), `incumbent-${name}-`));
  let files = 0;
  const write = (content: string | Buffer) => {
    const path = join(dir, `${(files += 1)}.jsonl`);
    writeFileSync(path, content);
    return path;
  };
  return { dir, write };
}

/** Typed arrays as base64: compared as strings, a ledger's index takes milliseconds, not a second. */
export const compact = (value: unknown): unknown =>
  ArrayBuffer.isView(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
    : Array.isArray(value)
      ? value.map(compact)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, compact(inner)]))
        : value;
