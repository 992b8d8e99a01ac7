/**
 * Re-running an append is harmless (an id already in the log with the same content is skipped):
 * the promise a retry after an unknown outcome rests on. A file holding a correction or a
 * retraction was refused on its second run, as a second revision of the same target by itself.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

const citation = { document: 'A gazette', quote: 'Bob joins.' };
const joined = JSON.stringify({ id: 'b1', type: 'board.joined', subject: 'acme', time: '2024-01-05T00:00:00Z', data: { certainty: 'reported', citation, person: { id: 'bob', name: 'Bob' } } });
const revision = (id: string, type: string, target: string, extra: object = {}) =>
  JSON.stringify({ id, type, subject: 'acme', time: '2024-02-01T00:00:00Z', data: { target, reason: 'The filing confirms it', citation, ...extra } });
const corrected = revision('c1', 'event.corrected', 'b1', { data: { certainty: 'confirmed', citation, person: { id: 'bob', name: 'Bob' } } });

async function logWith(lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-rerun-'));
  const [log, events] = [join(dir, 'acme.jsonl'), join(dir, 'events.jsonl')];
  expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
  writeFileSync(events, `${lines.join('\n')}\n`);
  expect((await run(['append', '--log', log, events])).code).toBe(0);
  return { log, events };
}

describe('an append file with revisions, run again', () => {
  it.each([
    ['a correction', [joined, corrected]],
    ['a retraction', [joined, revision('r1', 'event.retracted', 'b1')]],
    ['a retraction of a correction', [joined, corrected, revision('r1', 'event.retracted', 'c1')]],
  ])('is a no-op for %s', async (_, lines) => {
    const { log, events } = await logWith(lines);
    const before = readFileSync(log);
    const again = await run(['append', '--log', log, events]);
    expect(again.err).toContain(`0 appended, ${lines.length} already present`);
    expect(again.code).toBe(0);
    expect(readFileSync(log)).toEqual(before);
  });

  it('still refuses a second revision under another id, and the same id with other content', async () => {
    const { log, events } = await logWith([joined, corrected]);
    writeFileSync(events, `${revision('c2', 'event.retracted', 'b1')}\n`);
    expect((await run(['append', '--log', log, events])).err).toMatch(/data\.target: event "b1" was already revised by "c1"/);
    writeFileSync(events, `${revision('c1', 'event.corrected', 'b1', { reason: 'Other', data: { certainty: 'rumoured', citation, person: { id: 'bob', name: 'Bob' } } })}\n`);
    const conflict = await run(['append', '--log', log, events]);
    expect(conflict.code).toBe(1);
    expect(conflict.err).toMatch(/id "c1" is already used by record #3/);
  });
});
