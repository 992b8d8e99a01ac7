/**
 * `copy FROM TO` with a pipe or a device at TO (or a link to one): the size of either is 0, so it
 * passed for "empty", and the copy was renamed over it. A FIFO was replaced by a regular file, and
 * `copy log.jsonl out.jsonl` with `out.jsonl -> /dev/null` replaced /dev/null itself (and wrote
 * `/dev/null.head`), exit 0. Such a TO is refused, as `init` refuses it, and left as it was; a link
 * that loops is named as TO, not as a bare errno.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { copyLog } from './copy-log';

describe('a copy whose TO is no regular file', () => {
  it('refuses a pipe, or a link to one, naming TO, and leaves the pipe in place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-copy-special-'));
    const pipe = join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [pipe]);
    const link = join(dir, 'link.jsonl');
    symlinkSync(pipe, link);
    const loop = join(dir, 'loop.jsonl');
    symlinkSync(loop, loop);
    await expect(copyLog(BUILT_IN_LOG, loop)).rejects.toMatchObject({ code: 'invalid', field: 'TO', message: expect.stringMatching(/ELOOP/) });
    for (const to of [pipe, link]) {
      await expect(copyLog(BUILT_IN_LOG, to)).rejects.toMatchObject({ code: 'invalid', field: 'TO', message: expect.stringMatching(/not a regular file/) });
    }
    expect(lstatSync(pipe).isFIFO()).toBe(true);
    expect(existsSync(`${pipe}.head`) || existsSync(`${pipe}.lock`)).toBe(false);
  });
});
