/** `verify --snapshot` of snapshots in the formats earlier versions wrote: each is compared with what the log gives as that format wrote it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfDataset as copyIn, runCli as run } from './run-cli.test-support';

const tempDir = () => mkdtempSync(join(tmpdir(), 'incumbent-cli-formats-'));
const copyOfDataset = () => copyIn(tempDir());
/** A snapshot document as read back (JSON.parse's own type: the tests reach into it freely). */
type Doc = ReturnType<typeof JSON.parse>;
type LastEvent = { eventId: string; seq: number; time: string } | null;
/** A /4 document as /3 wrote it: the last event's time without its precision and zone. */
const asFormat3 = (doc: Doc): Doc => ({ ...doc, companies: doc.companies.map((c: { lastEvent: LastEvent }) => ({ ...c, lastEvent: c.lastEvent && { eventId: c.lastEvent.eventId, seq: c.lastEvent.seq, time: c.lastEvent.time } })) });

describe('verify --snapshot of an earlier format', () => {
  it('a snapshot names its last event with the precision and zone of its time, and one written in format /3 (without them) is still checked', async () => {
    const path = copyOfDataset();
    const snap = join(tempDir(), 'snap.json');
    // Noon on 18 Nov in San Francisco: the last event then, talks opening, is known only to the day (its source's noon is no hour anyone gave).
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-18T12:00:00-08:00', '--out', snap])).code).toBe(0);
    const format4: Doc = JSON.parse(readFileSync(snap, 'utf8'));
    expect(format4.format).toBe('incumbent.snapshot/4');
    expect(format4.companies[0].lastEvent).toEqual({ eventId: 'openai-2023-11-019', seq: expect.any(Number), time: '2023-11-18T12:00:00-08:00', precision: 'day', timezone: 'America/Los_Angeles' });
    const format3 = { ...asFormat3(format4), format: 'incumbent.snapshot/3' };
    writeFileSync(snap, `${JSON.stringify(format3, null, 2)}\n`);
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 0, out: expect.stringMatching(/snapshot of 2023-11-18T20:00:00.000Z at head #\d+ matches/) });
    // A /3 document holding the /4 fields is not what /3 wrote.
    writeFileSync(snap, JSON.stringify({ ...format4, format: 'incumbent.snapshot/3' }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
  });

  it('verify --snapshot still checks a snapshot written in format /1, before endings kept their own certainty', async () => {
    const path = copyOfDataset();
    const snap = join(tempDir(), 'snap.json');
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-30T12:00:00-08:00', '--out', snap])).code).toBe(0);
    // What an earlier version exported: the same document without the fields /2, /3 and /4 added.
    const strip = (key: string, value: unknown) => (key === 'endCertainty' || key === 'closeCertainty' || key === 'uncertain' ? undefined : value);
    const format1 = asFormat3(JSON.parse(readFileSync(snap, 'utf8').replace('"incumbent.snapshot/4"', '"incumbent.snapshot/1"'), strip));
    writeFileSync(snap, `${JSON.stringify(format1, null, 2)}\n`);
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 0, out: expect.stringMatching(/snapshot of 2023-11-30T20:00:00.000Z at head #\d+ matches/) });
    writeFileSync(snap, JSON.stringify({ ...format1, companies: [{ ...format1.companies[0], name: 'Someone Else' }] }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
    // A /1 document holding a /2 field is not what /1 wrote.
    writeFileSync(snap, JSON.stringify({ ...format1, companies: [{ ...format1.companies[0], resolved: format1.companies[0].resolved.map((r: object) => ({ ...r, closeCertainty: 'confirmed' })) }] }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
  });

  it('verify --snapshot still checks a snapshot written in format /2, before a snapshot named the facts its moment is uncertain of', async () => {
    const path = copyOfDataset();
    const snap = join(tempDir(), 'snap.json');
    // Noon on 18 Nov in San Francisco: talks opened that day, known only to the day.
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-18T12:00:00-08:00', '--out', snap])).code).toBe(0);
    const format3 = asFormat3(JSON.parse(readFileSync(snap, 'utf8')));
    expect(format3.companies[0].uncertain).toContainEqual({ eventId: 'openai-2023-11-019', precision: 'day', from: '2023-11-18T08:00:00.000Z', to: '2023-11-19T08:00:00.000Z', timezone: 'America/Los_Angeles', applied: true });
    const format2 = { ...JSON.parse(JSON.stringify(format3), (key, value) => (key === 'uncertain' ? undefined : value)), format: 'incumbent.snapshot/2' };
    writeFileSync(snap, `${JSON.stringify(format2, null, 2)}\n`);
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 0, out: expect.stringMatching(/snapshot of 2023-11-18T20:00:00.000Z at head #\d+ matches/) });
    // A /2 document holding the /3 field is not what /2 wrote; a /3 one whose fact is said not applied was edited.
    writeFileSync(snap, JSON.stringify({ ...format3, format: 'incumbent.snapshot/2' }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
    const flipped = format3.companies[0].uncertain.map((u: { applied: boolean }) => ({ ...u, applied: !u.applied }));
    writeFileSync(snap, JSON.stringify({ ...format3, format: 'incumbent.snapshot/3', companies: [{ ...format3.companies[0], uncertain: flipped }] }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
  });
});
