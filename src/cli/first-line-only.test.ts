/**
 * A file with no whole record (one line that is not JSON, or a first line cut short, as a killed
 * `init` leaves) has no log to recover: every command says so alike, as at its first line. `verify`
 * used to call it a write that did not finish, to be moved to a .corrupt side file by opening it
 * for writing, which refuses it; `events` and `append` called a whole line "incomplete".
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';
import { BUILT_IN_LOG } from './commands';

const AT = '2023-11-20T12:00:00-08:00';
const firstLine = readFileSync(BUILT_IN_LOG, 'utf8').split('\n', 1)[0]!;

describe('a file with no whole record', () => {
  const cases: [name: string, text: string, reason: string][] = [
    ['notes.txt', 'meeting notes, not a log\n', 'not valid JSON'],
    ['killed-init.jsonl', firstLine.slice(0, 100), 'incomplete last line (no newline)'],
    ['half-batch.jsonl', `${firstLine.slice(0, -1)},"batchend":2}\n`, 'incomplete batch'],
  ];
  for (const [name, text, reason] of cases) {
    it(`is refused as at its first line by every command, and left as it was: ${name}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'incumbent-first-line-only-'));
      const file = join(dir, name);
      writeFileSync(file, text);
      const runs = [['verify', '--log', file], ['events', '--log', file], ['snapshot', '--at', AT, '--log', file], ['append', '--log', file, '-'], ['copy', file, join(dir, 'copy.jsonl')]];
      for (const argv of runs) {
        const { code, err } = await run(argv, '{}\n');
        expect(code, argv.join(' ')).toBe(2);
        expect(err, argv.join(' ')).toContain(`line 1: ${reason}`);
        expect(err, argv.join(' ')).toMatch(/the log was not opened: the file is not an Incumbent log, or one damaged from its first line/);
        expect(err, argv.join(' ')).not.toMatch(/corrupt side file|line 1 is incomplete/);
      }
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(readdirSync(dir)).toEqual([name]);
    });
  }
});
