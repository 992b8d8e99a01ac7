/**
 * A line longer than the runtime's longest string (about 512 MiB: a dump with no line breaks given
 * as a log, or pasted into one) cannot be decoded to be parsed. Decoding it anyway threw V8's own
 * "Cannot create a string longer than 0x1fffffe8 characters", naming no line and no file, from
 * every command. It is refused by its line number, as any line that is no record, and the log is
 * left as it was.
 */
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { constants } from 'node:buffer';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { runCli } from '../cli/run-cli.test-support';

it('refuses a line too long to decode by its number, and leaves the log as it was', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-line-too-long-'));
  const log = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, log);
  copyFileSync(`${BUILT_IN_LOG}.head`, `${log}.head`);
  const records = 56;
  // Line 57: zeros (a sparse file: no disk is written for them), then one more line after it.
  const start = statSync(log).size;
  truncateSync(log, start + constants.MAX_STRING_LENGTH + 1);
  appendFileSync(log, '\n{"seq":58}\n');
  const size = statSync(log).size;
  for (const argv of [['verify', '--log', log], ['events', '--log', log], ['append', '--log', log, '-']]) {
    const { code, err } = await runCli(argv, '{}\n');
    expect(code, argv.join(' ')).toBe(2);
    expect(err, argv.join(' ')).toMatch(new RegExp(`line ${records + 1}: it is ${constants.MAX_STRING_LENGTH + 1} bytes long, more than any record .*; the log was not opened`));
  }
  expect(statSync(log).size).toBe(size);
  expect(readdirSync(dir).sort()).toEqual(['log.jsonl', 'log.jsonl.head']);
});
