/**
 * An input longer than the runtime's longest string (about 512 MiB of UTF-8 text) was refused as
 * "not UTF-8 (line 1 is not): save it as UTF-8", whatever it held: the decoder's failure for its
 * length was taken for one of its bytes. It is named for its size, with what to do, and the log
 * is left as it was.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { constants } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli } from './run-cli.test-support';

it('refuses an input too long to be one text for its size, not as "not UTF-8"', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-input-too-long-'));
  const log = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, log);
  copyFileSync(`${BUILT_IN_LOG}.head`, `${log}.head`);
  const before = readFileSync(log);
  // Blank lines (valid UTF-8, which append skips), as a sparse file: no disk is written for them.
  const input = join(dir, 'events.jsonl');
  writeFileSync(input, '');
  truncateSync(input, constants.MAX_STRING_LENGTH + 1);
  const size = constants.MAX_STRING_LENGTH + 1;
  for (const argv of [['append', '--log', log, input], ['verify', '--log', log, '--snapshot', input]]) {
    const { code, err } = await runCli(argv);
    expect(code, argv.join(' ')).toBe(1);
    expect(err, argv.join(' ')).toContain(`${input} is ${size} bytes, more than can be read as one text`);
    expect(err, argv.join(' ')).not.toMatch(/not UTF-8/);
  }
  expect(readFileSync(log)).toEqual(before);
  expect(readdirSync(dir).sort()).toEqual(['events.jsonl', 'log.jsonl', 'log.jsonl.head']);
});
