/**
 * `verify` while a writer (the web host, the app) appends: the writer puts its lines on disk, then
 * moves the head anchor. A verify that read the log between the two reported "records beyond the
 * head anchor" as damage (exit 2), or a batch still being written as "a write that did not finish",
 * about a log that was fine: in 166 of 570 runs beside a writer appending every few milliseconds.
 * Where a live writer holds the lock, such an end is one it is writing: verify waits for the anchor
 * to move and verifies again. With no writer, the same end is damage, reported at once.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorPath } from '../store/head-anchor';
import { LogLock } from '../store/lock';
import { caughtMidAppend } from './mid-append.test-support';
import { verifyLog } from './verify';

/** Verifies `path` under a live writer's lock, the writer doing `write` 150 ms in: the answer must be the log verified as it is then. */
async function verifiesOnceWritten(path: string, write: () => void): Promise<void> {
  const writer = LogLock.acquire(path);
  try {
    const verifying = verifyLog(path);
    setTimeout(write, 150);
    await expect(verifying).resolves.toMatch(/^ok: 3 records.*end matches its head anchor/);
  } finally {
    writer.release();
  }
}

describe('verify beside a writer', () => {
  it('verifies the log once the writer has moved its anchor, rather than report the records it is writing', async () => {
    const { path, moved } = await caughtMidAppend();
    await verifiesOnceWritten(path, () => copyFileSync(moved, anchorPath(path)));
  });

  it('verifies the log once the writer has finished the line it is writing and moved its anchor', async () => {
    const { path, moved } = await caughtMidAppend();
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 40));
    await verifiesOnceWritten(path, () => (writeFileSync(path, whole), copyFileSync(moved, anchorPath(path))));
  });

  it('reports records beyond the anchor at once where no writer holds the log', async () => {
    const { path } = await caughtMidAppend();
    const started = Date.now();
    await expect(verifyLog(path)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/records #3-#3 are beyond the head anchor/) });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('verifies a log written by hand once the writer opening it has given it its anchor', async () => {
    const { path, moved } = await caughtMidAppend();
    rmSync(anchorPath(path));
    await verifiesOnceWritten(path, () => copyFileSync(moved, anchorPath(path)));
  });
});
