/**
 * A file whose first line is not a log's (a snapshot or an events file given as `--log`, or a log
 * damaged from its start) was refused with "truncate it before this line": before line 1, that is
 * to empty the file. The advice for line 1 is to check what was given; later lines keep theirs.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { runCli } from '../cli/run-cli.test-support';

it('never advises emptying a file whose first line is not a log record', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-first-line-'));
  const log = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, log);
  const snapshot = join(dir, 'snap.json');
  expect((await runCli(['snapshot', '--log', log, '--at', '2023-11-18T12:00:00Z', '--out', snapshot])).code).toBe(0);
  const bytes = readFileSync(snapshot);
  // A snapshot is recognised as one, a usage mistake (snapshot-as-log.test.ts); an events file is not.
  const asLog = await runCli(['verify', '--log', snapshot]);
  expect(asLog).toMatchObject({ code: 1, err: expect.stringMatching(/is a snapshot \(incumbent\.snapshot\/\d+\), not a log/) });
  expect(asLog.err).not.toMatch(/truncate/);
  expect(readFileSync(snapshot)).toEqual(bytes);
  const events = join(dir, 'events.jsonl');
  writeFileSync(events, '{"id":"dana-joins","type":"board.joined","subject":"acme"}\n');
  const eventsAsLog = await runCli(['verify', '--log', events]);
  expect(eventsAsLog.code).toBe(2);
  expect(eventsAsLog.err).toMatch(/^incumbent verify: line 1: sequence is undefined, expected 1; the log was not opened: the file is not an Incumbent log, or one damaged from its first line: check that it is the log meant\.\n/);
  // Further in, the advice to cut the log short before the line stands.
  const lines = readFileSync(log, 'utf8').split('\n');
  lines[3] = '{"seq":4}';
  writeFileSync(log, lines.join('\n'));
  expect((await runCli(['verify', '--log', log])).err).toMatch(/line 4: .*Restore it from a backup, or truncate it before this line\./);
});
