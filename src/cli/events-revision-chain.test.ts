/**
 * `incumbent events` notes what an event now says when a later record revised it. A correction
 * that was itself corrected again, or retracted, is not what holds now: the note must follow the
 * chain of revisions to its end, or it reads "now: ..." of a version nobody holds.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

const citation = { document: 'A test gazette', quote: 'A sentence.' };
const vacated = (cause: string) => ({ certainty: 'confirmed', citation, person: { id: 'jane', name: 'Jane' }, role: 'CEO', cause });
const line = (id: string, type: string, time: string, data: object) => JSON.stringify({ id, type, subject: 'acme', time, timezone: 'UTC', data });
const revise = (id: string, type: string, target: string, time: string, data?: object) =>
  line(id, type, time, { target, reason: `${id} says so`, citation, ...(data ? { data } : {}) });

async function logWith(...revisions: string[]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-chain-'));
  const log = join(dir, 'acme.jsonl');
  const events = join(dir, 'events.jsonl');
  expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
  const lines = [
    line('a1', 'role.assumed', '2024-01-02T00:00:00Z', { certainty: 'confirmed', citation, person: { id: 'jane', name: 'Jane' }, role: 'CEO' }),
    line('a2', 'role.vacated', '2024-02-01T00:00:00Z', vacated('fired')),
    ...revisions,
  ];
  writeFileSync(events, `${lines.join('\n')}\n`);
  expect((await run(['append', '--log', log, events])).code).toBe(0);
  return log;
}

const noteOfA2 = async (log: string) => (await run(['events', '--log', log, '--type', 'role.vacated'])).out;
/** The lines of the corrections, each with its own note (a correction corrected again has one). */
const correctionsOf = async (log: string) => (await run(['events', '--log', log, '--type', 'event.corrected'])).out;
/** A correction that also moves the fact to `time` (day precision). */
const moving = (id: string, target: string, time: string, data: object, to: string) => {
  const correction = JSON.parse(revise(id, 'event.corrected', target, time, data)) as { data: object };
  return JSON.stringify({ ...correction, data: { ...correction.data, time: to, timeprecision: 'day' } });
};

describe('incumbent events, on an event revised more than once', () => {
  it('says what the last correction holds, not the first', async () => {
    const log = await logWith(
      revise('c1', 'event.corrected', 'a2', '2024-03-01T00:00:00Z', vacated('resigned')),
      revise('c2', 'event.corrected', 'c1', '2024-03-02T00:00:00Z', vacated('died')),
    );
    expect(await noteOfA2(log)).toMatch(/Jane left CEO \(fired\) {2}\[corrected by #\d+: c1 says so; now: Jane left CEO \(died\)\]\n$/);
  });

  it('says when the fact now stands if a correction moved it, whichever correction of the chain did', async () => {
    const log = await logWith(moving('c1', 'a2', '2024-03-01T00:00:00Z', vacated('resigned'), '2024-01-20T00:00:00Z'), revise('c2', 'event.corrected', 'c1', '2024-03-02T00:00:00Z', vacated('died')));
    expect(await noteOfA2(log)).toMatch(/Jane left CEO \(fired\) {2}\[corrected by #\d+: c1 says so; now: Jane left CEO \(died\) \(Jan 20, 2024\)\]\n$/);
  });

  it('says the fact is withdrawn when its correction was retracted', async () => {
    const log = await logWith(
      revise('c1', 'event.corrected', 'a2', '2024-03-01T00:00:00Z', vacated('resigned')),
      revise('r1', 'event.retracted', 'c1', '2024-03-02T00:00:00Z'),
    );
    const out = await noteOfA2(log);
    expect(out).not.toContain('now: Jane left CEO (resigned)');
    expect(out).toMatch(/\[corrected by #\d+: c1 says so; then retracted by #\d+: r1 says so\]\n$/);
    // The state agrees: the retraction of the correction withdrew the fact, so Jane holds CEO again.
    const snapshot = JSON.parse((await run(['snapshot', '--log', log, '--at', '2024-02-15T00:00:00Z'])).out);
    expect(snapshot.companies[0].roles.map((r: { person: { id: string } }) => r.person.id)).toEqual(['jane']);
  });
});

// A correction's own line (one corrected again) was compared with its own time, when it was
// written: it gave the fact's moment though no correction had moved the fact.
describe('incumbent events, on a correction corrected again', () => {
  it('gives no moment on its line when no correction moved the fact', async () => {
    const log = await logWith(revise('c1', 'event.corrected', 'a2', '2024-03-01T00:00:00Z', vacated('resigned')), revise('c2', 'event.corrected', 'c1', '2024-03-02T00:00:00Z', vacated('died')));
    expect(await correctionsOf(log)).toMatch(/\[corrected by #\d+: c2 says so; now: Jane left CEO \(died\)\]\n/);
  });

  it('gives the moment when the later correction moved the fact from where the first put it', async () => {
    const log = await logWith(moving('c1', 'a2', '2024-03-01T00:00:00Z', vacated('resigned'), '2024-01-20T00:00:00Z'), moving('c2', 'c1', '2024-03-02T00:00:00Z', vacated('died'), '2024-01-10T00:00:00Z'));
    expect(await correctionsOf(log)).toMatch(/\[corrected by #\d+: c2 says so; now: Jane left CEO \(died\) \(Jan 10, 2024\)\]\n/);
  });
});
