/**
 * The key a stored index is matched with: the same whichever way the bytes come (one update, many,
 * split anywhere, or read from a file on several threads), and exactly
 * the SHA-256 of its blocks' SHA-256s.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BLOCK_BYTES, BlockHash } from './block-hash';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

/** The rule written out: every whole block's SHA-256, then the last (partial, possibly empty) block's, hashed together. */
function expected(bytes: Buffer): string {
  const digests: Buffer[] = [];
  let at = 0;
  for (; at + BLOCK_BYTES <= bytes.length; at += BLOCK_BYTES) digests.push(sha256(bytes.subarray(at, at + BLOCK_BYTES)));
  digests.push(sha256(bytes.subarray(at)));
  return sha256(Buffer.concat(digests)).toString('hex');
}

/** `length` bytes of lines of `width` bytes (newline included), each ended by a newline, none of them the same. */
function lines(length: number, width = 22): Buffer {
  const pad = 'x'.repeat(width - 22);
  const text = Array.from({ length: Math.ceil(length / width) + 1 }, (_, i) => `{"line":${String(i).padStart(12, '0')}${pad}}`).join('\n');
  return Buffer.from(`${text}\n`.slice(-length));
}

describe('BlockHash', () => {
  const sizes = [0, 1, BLOCK_BYTES - 1, BLOCK_BYTES, BLOCK_BYTES + 1, 2 * BLOCK_BYTES + 12_345];
  const all = lines(sizes.at(-1)!);
  expect(all.length).toBe(sizes.at(-1));

  it('is the SHA-256 of the blocks’ SHA-256s, however the bytes are given', () => {
    for (const size of sizes) {
      const bytes = all.subarray(all.length - size);
      expect(new BlockHash().update(bytes).digest(), `${size} bytes at once`).toBe(expected(bytes));
      const pieces = new BlockHash();
      for (let at = 0, step = 1; at < size; at += step, step = step * 7 + 3) pieces.update(bytes.subarray(at, at + step));
      expect(pieces.digest(), `${size} bytes in pieces`).toBe(expected(bytes));
    }
  });

  it('goes on after a digest, as an index read from a file goes on over the lines appended since', () => {
    const hash = new BlockHash().update(all.subarray(0, BLOCK_BYTES + 5));
    expect(hash.digest()).toBe(expected(all.subarray(0, BLOCK_BYTES + 5)));
    expect(hash.update(all.subarray(BLOCK_BYTES + 5)).digest()).toBe(expected(all));
  });

  it('hashes a file’s first bytes on several threads to the same key, and is undefined for a file shorter than asked', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-block-hash-')), 'log.jsonl');
    writeFileSync(path, all);
    const fd = openSync(path, 'r');
    try {
      for (const size of sizes) expect((await BlockHash.ofFile(fd, size))?.digest(), `first ${size} bytes`).toBe(expected(all.subarray(0, size)));
      expect(await BlockHash.ofFile(fd, all.length + 1)).toBeUndefined();
      expect(await BlockHash.ofFile(fd, all.length + BLOCK_BYTES)).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });

});
