/**
 * Taking the lock writes the owner to a file of its own, then links it into place. On a full disk
 * that write fails (ENOSPC) or takes only part of the owner (a short write, which Node returns
 * without an error): the file of its own was left behind by every failed try, and a part of the
 * owner became the lock, unreadable, so that after two seconds any process took it as stale and
 * reclaimed it from a live writer.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** How the next writes fail: 'full' throws ENOSPC, 'short' takes at most 10 bytes of each. */
const disk = vi.hoisted(() => ({ mode: 'ok' as 'ok' | 'full' | 'short' }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number => {
    if (disk.mode === 'full') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    if (disk.mode === 'short') {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      const [offset = 0, length = bytes.length - (offset as number)] = typeof data === 'string' ? [] : (rest as number[]);
      return fs.writeSync(fd, bytes, offset as number, Math.min(10, length as number));
    }
    return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { LogLock } = await import('./lock');

describe('taking the lock on a disk that is full', () => {
  it('leaves no file of its own behind when the owner cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-lock-full-'));
    disk.mode = 'full';
    try {
      for (let i = 0; i < 3; i++) expect(() => LogLock.acquire(join(dir, 'log.jsonl'))).toThrow(/cannot lock .* ENOSPC/);
    } finally {
      disk.mode = 'ok';
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the whole owner when a write takes only part of it, so the lock never reads as a stale one', () => {
    const log = join(mkdtempSync(join(tmpdir(), 'incumbent-lock-short-')), 'log.jsonl');
    disk.mode = 'short';
    let lock;
    try {
      lock = LogLock.acquire(log);
    } finally {
      disk.mode = 'ok';
    }
    expect(JSON.parse(readFileSync(`${log}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
