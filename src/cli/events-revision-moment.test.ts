/**
 * `incumbent events` gives the moment a fact now stands at only when a correction moved it: a
 * correction's own line (one corrected again) was compared with the correction's own time, when
 * it was written, so it gave the fact's moment though no correction had moved it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

const citation = { document: 'A test gazette', quote: 'A sentence.' };
const vacated = (cause: string) => ({ certainty: 'confirmed', citation, person: { id: 'jane', name: 'Jane' }, role: 'CEO', cause });
const line = (id: string, type: string, time: string, data: object) => JSON.stringify({ id, type, subject: 'acme', time, timezone: 'UTC', data });
const revise = (id: string, target: string, time: string, data: object, moved?: string) =>
  line(id, 'event.corrected', time, { target, reason: `${id} says so`, citation, data, ...(moved ? { time: moved, timeprecision: 'day' } : {}) });

async function eventsOf(...revisions: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-moment-'));
  const log = join(dir, 'acme.jsonl');
  const events = join(dir, 'events.jsonl');
  expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
  const lines = [
    line('a1', 'role.assumed', '2024-01-02T00:00:00Z', { certainty: 'confirmed', citation, person: { id: 'jane', name: 'Jane' }, role: 'CEO' }),
    line('a2', 'role.vacated', '2024-02-01T00:00:00Z', vacated('fired')), ...revisions];
  writeFileSync(events, `${lines.join('\n')}\n`);
  expect((await run(['append', '--log', log, events])).code).toBe(0);
  return (await run(['events', '--log', log, '--type', 'event.corrected'])).out;
}

describe('incumbent events, on a correction corrected again', () => {
  it('gives no moment on its line when no correction moved the fact', async () => {
    const out = await eventsOf(revise('c1', 'a2', '2024-03-01T00:00:00Z', vacated('resigned')), revise('c2', 'c1', '2024-03-02T00:00:00Z', vacated('died')));
    expect(out).toMatch(/\[corrected by #\d+: c2 says so; now: Jane left CEO \(died\)\]\n/);
  });

  it('gives the moment when the later correction moved the fact from where the first put it', async () => {
    const out = await eventsOf(revise('c1', 'a2', '2024-03-01T00:00:00Z', vacated('resigned'), '2024-01-20T00:00:00Z'), revise('c2', 'c1', '2024-03-02T00:00:00Z', vacated('died'), '2024-01-10T00:00:00Z'));
    expect(out).toMatch(/\[corrected by #\d+: c2 says so; now: Jane left CEO \(died\) \(Jan 10, 2024\)\]\n/);
  });
});
