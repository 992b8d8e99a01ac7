/**
 * A local time near a change of its zone's clocks. 02:30 on 12 March 2023 never happened in Los
 * Angeles (its clocks went from 02:00 -08:00 to 03:00 -07:00): written with -08:00 it was refused
 * with "write the local time with -07:00", and written so, with "write it with -08:00", round for
 * ever. The refusal now says that time was skipped and gives the instant meant as a time that
 * is accepted; a time whose written offset is far off is told the offset of its local time.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './run-cli.test-support';

const event = (id: string, time: string) =>
  JSON.stringify({ specversion: '1.0', id, source: 'urn:example', type: 'board.joined', subject: 'acme', time, timeprecision: 'minute', timezone: 'America/Los_Angeles',
    data: { certainty: 'confirmed', citation: { document: 'Press release', quote: 'Jane Roe joins the board.' }, person: { id: `jane-${id}`, name: `Jane ${id.toUpperCase()}` } } });

it('never advises an offset that is refused in turn', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-clock-change-'));
  const log = join(dir, 'acme.jsonl');
  expect((await runCli(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
  const before = readFileSync(log);
  const append = (time: string, id = 'a') => {
    writeFileSync(join(dir, 'events.jsonl'), `${event(id, time)}\n`);
    return runCli(['append', '--log', log, join(dir, 'events.jsonl')]);
  };
  for (const [written, instant] of [['2023-03-12T02:30:00-08:00', '2023-03-12T03:30:00-07:00'], ['2023-03-12T02:30:00-07:00', '2023-03-12T01:30:00-08:00']]) {
    const { code, err } = await append(written!);
    expect(code).toBe(1);
    expect(err).toContain(`event 1.time: has offset ${written!.slice(-6)}, but that local time did not happen in America/Los_Angeles: its clocks went forward from UTC-08:00 to UTC-07:00, skipping it. Write the instant as ${instant}, or correct the time`);
  }
  // Far off, near the change: the offset of the local time as written, which is then accepted.
  expect((await append('2023-03-12T03:30:00+05:00')).err).toContain('has offset +05:00, but America/Los_Angeles was at UTC-07:00 at that local time: write it with -07:00');
  expect(readFileSync(log)).toEqual(before);
  expect((await append('2023-03-12T03:30:00-07:00')).code).toBe(0);
  expect((await append('2023-03-12T01:30:00-08:00', 'b')).code).toBe(0);
});
