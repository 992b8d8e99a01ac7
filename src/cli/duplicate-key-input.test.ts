/**
 * An event that gives one field twice (a copied line edited in one place) was appended with the
 * last of the two values, the other dropped without a word by JSON.parse. It is refused, by its
 * line and the field, and the log is left as it was.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli } from './run-cli.test-support';

it('refuses an events file in which an event names a field twice, and appends none of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-duplicate-key-'));
  const log = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, log);
  copyFileSync(`${BUILT_IN_LOG}.head`, `${log}.head`);
  const before = readFileSync(log);
  const event = (id: string, times: string[]) =>
    `{"id":"${id}","type":"statement.made","subject":"openai",${times.map((time) => `"time":"${time}"`).join(',')},"timezone":"America/Los_Angeles","data":{"certainty":"confirmed","person":{"id":"sam-altman","name":"Sam Altman"},"text":"We are back.","citation":{"document":"A test gazette","quote":"We are back."}}}`;
  const input = join(dir, 'events.jsonl');
  writeFileSync(input, `${event('fine', ['2023-11-30T12:00:00-08:00'])}\n${event('twice', ['2023-11-30T12:00:00-08:00', '2023-11-29T12:00:00-08:00'])}\n`);
  const { code, err } = await runCli(['append', '--log', log, input]);
  expect(code).toBe(1);
  expect(err).toContain('line 2: names "time" twice');
  expect(readFileSync(log)).toEqual(before);
  // Each given once, the same events are appended.
  writeFileSync(input, `${event('fine', ['2023-11-30T12:00:00-08:00'])}\n${event('twice', ['2023-11-29T12:00:00-08:00'])}\n`);
  expect((await runCli(['append', '--log', log, input])).code).toBe(0);
});
