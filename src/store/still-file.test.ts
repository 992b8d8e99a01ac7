/** When a read on two threads can rely on the file's ctime to see a change (see still-file.ts). */
import { fstatSync, mkdtempSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aheadOf, stillFor, stillSince } from './still-file';

describe('stillFor', () => {
  const now = 1_700_000_000_500;
  it('waits out a short tick after a change, and nothing once it has passed', () => {
    expect(stillFor(now - 3.25, now)).toBeCloseTo(21.75);
    expect(stillFor(now - 30.5, now)).toBe(0);
  });

  it('takes a ctime on a whole second as a file system that keeps seconds: a change within the next second would not move it', () => {
    expect(stillFor(now - 500, now)).toBe(525);
    expect(stillFor(now - 1_500, now)).toBe(0);
  });
});

describe('aheadOf', () => {
  it('takes a ctime later in the millisecond Date.now() gives as not ahead (a file written this very millisecond was read on one thread)', () => {
    expect(aheadOf(1_700_000_000_500.42, 1_700_000_000_500)).toBe(false);
    expect(aheadOf(1_700_000_000_501.01, 1_700_000_000_500)).toBe(true);
  });
});

describe('stillSince', () => {
  it('gives a file just written its ctime once a tick has passed, and a changing one none', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-still-')), 'log.jsonl');
    writeFileSync(path, 'x\n');
    const fd = openSync(path, 'r+');
    try {
      const { ctimeMs } = fstatSync(fd);
      const since = await stillSince(fd);
      if (ctimeMs % 1000 === 0) expect(since).toBeUndefined();
      else expect(since).toBe(ctimeMs);
      expect(Date.now()).toBeGreaterThanOrEqual(ctimeMs + (since === undefined ? 0 : 20));
      // Written to while it waits: no ctime to rely on.
      writeFileSync(path, 'y\n');
      const waiting = stillSince(fd);
      writeFileSync(path, 'z\n');
      expect(await waiting).toBeUndefined();
    } finally {
      closeSync(fd);
    }
  });
});
