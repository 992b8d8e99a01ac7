/**
 * SHA-256 of every complete line of a file, in a worker thread, so that hashing a large log runs
 * beside parsing it instead of after it. The worker is a plain script (no TypeScript, no bundler),
 * so it runs the same under tsx, vitest and Electron's main process.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { hash, createHash } = require('node:crypto');
const fd = openSync(workerData.path, 'r');
let buffer = Buffer.allocUnsafe(8 << 20), filled = 0, position = 0, count = 0;
let digests = Buffer.allocUnsafe(32 * 65536);
// The SHA-256 of all the complete lines, as one run of bytes: what a stored index is keyed by.
const whole = workerData.whole ? createHash('sha256') : undefined;
let wholeBytes = 0;
for (;;) {
  if (filled === buffer.length) { const grown = Buffer.allocUnsafe(buffer.length * 2); buffer.copy(grown); buffer = grown; }
  const read = readSync(fd, buffer, filled, buffer.length - filled, position);
  position += read; filled += read;
  let start = 0;
  for (let end = buffer.indexOf(10, start); end !== -1 && end < filled; end = buffer.indexOf(10, start)) {
    if ((count + 1) * 32 > digests.length) { const grown = Buffer.allocUnsafe(digests.length * 2); digests.copy(grown); digests = grown; }
    hash('sha256', buffer.subarray(start, end), 'buffer').copy(digests, count * 32);
    count += 1;
    start = end + 1;
  }
  whole?.update(buffer.subarray(0, start)); wholeBytes += start;
  buffer.copy(buffer, 0, start, filled); filled -= start;
  if (read === 0) break;
}
closeSync(fd);
// The whole buffer, spare room included, so the first appends after opening need not grow it.
parentPort.postMessage({ count, digests: digests.buffer, prefix: whole && { bytes: wholeBytes, hash: whole.digest('hex') } }, [digests.buffer]);
`;

export interface LineDigests {
  count: number;
  digests: Buffer;
  /** The SHA-256 of the complete lines hashed, as one run of `bytes` bytes, when asked for. */
  prefix?: PrefixHash;
}

/** The SHA-256 of the first `bytes` bytes of a file. */
export interface PrefixHash {
  bytes: number;
  hash: string;
}

/** `whole`: also the SHA-256 of all the lines as one run (a second pass over the bytes). */
export function hashLinesInWorker(path: string, whole = false): Promise<LineDigests> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { path, whole } });
    worker.once('message', ({ count, digests, prefix }: { count: number; digests: ArrayBuffer; prefix?: PrefixHash }) => {
      resolve({ count, digests: Buffer.from(digests), ...(prefix ? { prefix } : {}) });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
