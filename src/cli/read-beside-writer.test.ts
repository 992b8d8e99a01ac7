/**
 * The read commands beside a writer (the web host, the app): lines go to disk before the anchor
 * moves, so a read between the two finds records beyond the anchor, or a batch still being
 * written. Under a live writer's lock that is its append in progress, not something to warn a
 * reader about; with no writer, it is said as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LogLock } from '../store/lock';
import { caughtMidAppend } from './mid-append.test-support';
import { runCli } from './run-cli.test-support';

const events = (path: string) => runCli(['events', '--log', path]);

describe('read commands beside a writer', () => {
  it('answer without a warning about the records a live writer is appending, or the line it is writing', async () => {
    const { path } = await caughtMidAppend();
    const whole = readFileSync(path);
    const writer = LogLock.acquire(path);
    try {
      expect(await events(path)).toMatchObject({ code: 0, err: '', out: expect.stringContaining('Person b') });
      writeFileSync(path, whole.subarray(0, whole.length - 40));
      expect(await events(path)).toMatchObject({ code: 0, err: '' });
    } finally {
      writer.release();
    }
  });

  it('say so where no writer holds the log', async () => {
    const { path } = await caughtMidAppend();
    expect(await events(path)).toMatchObject({ code: 0, err: expect.stringMatching(/warning: records #3-#3 are beyond the head anchor/) });
    const whole = readFileSync(path);
    writeFileSync(path, whole.subarray(0, whole.length - 40));
    expect(await events(path)).toMatchObject({ code: 0, err: expect.stringMatching(/warning: line 3: .*a write that did not finish/) });
  });
});
