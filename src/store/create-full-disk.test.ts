/**
 * Starting a log on a full disk: the first write (log.created) fails, and the file made for it was
 * left behind, empty, with an empty `.head` beside it. Once space was freed, `init` said the file
 * "already exists; init never overwrites a file", and opening it said it is empty, not a log: the
 * user had to find and remove both by hand. (Seen on a 64 KiB tmpfs with one page free.)
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/** While set, a write of a log's first line fails as on a full disk. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, ...rest: unknown[]): number => {
    const text = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString();
    if (disk.full && text.includes('"log.created"')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return (fs.writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
  };
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { EventLog } = await import('./event-log');

describe('starting a log on a full disk', () => {
  it('fails with nothing left at the log\'s name or beside it, and starts once there is room', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-create-full-'));
    const path = join(dir, 'acme.jsonl');
    disk.full = true;
    try {
      await expect(EventLog.open(path, { create: { title: 'Acme' } })).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/ENOSPC/) });
    } finally {
      disk.full = false;
    }
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.head`)).toBe(false);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const log = await EventLog.open(path, { create: { title: 'Acme' } });
    expect(log.ledger.head).toBe(1);
    log.close();
  });
});
