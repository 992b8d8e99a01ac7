/**
 * What a stored index is keyed by (see `index-cache.ts`): a hash of the bytes of the log it was made
 * from: the SHA-256 of the SHA-256s of their successive 16 MiB blocks (the last one partial,
 * possibly empty). A SHA-256 of the bytes in one run is one long chain on one core (0.45 s for a
 * 722 MB log); these blocks are hashed on every core at once.
 */
import { createHash, type Hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readFully } from './read-fully';

export const BLOCK_BYTES = 16 << 20;
/** At most this many hashing threads (each holds a block's buffer): past it, reading the file is what limits them. */
const MAX_LANES = 8;

export class BlockHash {
  /** The digests of the complete blocks, in order. */
  readonly #blocks: Uint8Array[];
  /** The block being filled, and how many bytes it has. */
  #current = createHash('sha256');
  #filled = 0;

  constructor(blocks: Uint8Array[] = []) {
    this.#blocks = blocks;
  }

  /** Goes on with `bytes`, the next ones of the run. */
  update(bytes: Uint8Array): this {
    for (let at = 0; at < bytes.length; ) {
      const part = bytes.subarray(at, at + BLOCK_BYTES - this.#filled);
      this.#current.update(part);
      this.#filled += part.length;
      at += part.length;
      if (this.#filled === BLOCK_BYTES) this.#endBlock();
    }
    return this;
  }

  /** The key of the bytes so far, as hex; the hash can go on after it. */
  digest(): string {
    return keyOf(this.#blocks, this.#current);
  }

  #endBlock(): void {
    this.#blocks.push(this.#current.digest());
    this.#current = createHash('sha256');
    this.#filled = 0;
  }

  /**
   * The hash of the first `bytes` of the file behind `fd`, to go on with; undefined if the file is
   * shorter. Whole blocks are hashed by a worker thread per core (up to `MAX_LANES`), each reading its own.
   */
  static async ofFile(fd: number, bytes: number): Promise<BlockHash | undefined> {
    const blocks = Math.floor(bytes / BLOCK_BYTES);
    const lanes = Math.min(availableParallelism(), MAX_LANES, blocks);
    // Every worker is waited for, whatever happens: they read through `fd`, which the caller closes.
    const hashed = Promise.allSettled(Array.from({ length: lanes }, (_, lane) => hashBlocks({ fd, blockBytes: BLOCK_BYTES, blocks, lane, lanes })));
    const rest = Buffer.allocUnsafe(bytes - blocks * BLOCK_BYTES);
    const restRead = readWhole(fd, rest, blocks * BLOCK_BYTES);
    const lanesRead = (await hashed).map((lane) => (lane.status === 'fulfilled' ? lane.value : undefined));
    if (!restRead || lanesRead.includes(undefined)) return undefined;
    const digests = Array.from({ length: blocks }, (_, i) => lanesRead[i % lanes]!.subarray(32 * i, 32 * i + 32));
    return new BlockHash(digests).update(rest);
  }
}

/**
 * A worker that hashes blocks `lane`, `lane + lanes`... of the file behind `fd` (threads share a
 * process's descriptors: it reads the file the opener holds, whatever its name is now). Its
 * digests sit at 32 bytes per block; undefined if a block ends before the file does.
 */
const WORKER = `
const { parentPort, workerData: { fd, blockBytes, blocks, lane, lanes } } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(blockBytes);
const digests = new Uint8Array(32 * blocks);
let whole = true;
for (let i = lane; i < blocks && whole; i += lanes) {
  let done = 0;
  for (let got = -1; done < blockBytes && got !== 0; done += got) got = readSync(fd, buffer, done, blockBytes - done, i * blockBytes + done);
  whole = done === blockBytes;
  digests.set(createHash('sha256').update(buffer).digest(), 32 * i);
}
parentPort.postMessage(whole ? digests : undefined);
`;

function hashBlocks(workerData: { fd: number; blockBytes: number; blocks: number; lane: number; lanes: number }): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the hashing worker stopped without an answer')));
  });
}

/** The key of `blocks` and the block being filled: the SHA-256 of their digests. */
const keyOf = (blocks: readonly Uint8Array[], current: Hash) => {
  const key = createHash('sha256');
  for (const block of blocks) key.update(block);
  return key.update(current.copy().digest()).digest('hex');
};

/** Whether `buffer` could be filled from `position` of the file behind `fd`. */
function readWhole(fd: number, buffer: Buffer, position: number): boolean {
  try {
    return readFully(fd, buffer, position) === buffer.length;
  } catch {
    return false;
  }
}

/** The `BlockHash` key of the first `bytes` bytes of a file. */
export interface PrefixHash {
  bytes: number;
  hash: string;
}
