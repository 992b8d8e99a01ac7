import { describe, expect, it } from 'vitest';
import type { EventRecord } from './event';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';
import { buildSnapshot, inFormat2, inFormat3, SNAPSHOT_FORMAT, snapshotJson } from './snapshot';

const hash = (seq: number) => seq.toString(16).padStart(64, '0');
const LA = 'America/Los_Angeles';

/** Bob joins to the minute on 28 Nov; on 29 Nov (Los Angeles) Ann and Cat join, known only to the day; Dan joins that noon, to the minute. */
function recordsOf(): EventRecord[] {
  resetSeq();
  const day = (id: string, time: string, who: string): EventRecord => ({ ...rec('board.joined', time, { person: person(who) }, { id }), timeprecision: 'day' as const, timezone: LA });
  return [
    created(),
    rec('board.joined', '2023-11-28T09:00:00-08:00', { person: person('bob') }, { id: 'bob' }),
    // A day fact is written at some instant of its day: Ann's at its start, Cat's in its evening.
    day('ann', '2023-11-29T00:00:00-08:00', 'ann'),
    day('cat', '2023-11-29T18:00:00-08:00', 'cat'),
    rec('board.joined', '2023-11-29T12:00:00-08:00', { person: person('dan') }, { id: 'dan' }),
  ];
}

function ledgerOf(): Ledger {
  const ledger = new Ledger();
  recordsOf().forEach((record) => ledger.add(record));
  return ledger;
}

const snapshotAt = (ledger: Ledger, at: string, knownAt?: string) => JSON.parse(snapshotJson(buildSnapshot(ledger, { at, company: 'acme', ...(knownAt ? { knownAt } : {}) }, hash, '1.0.0')));
const PERIOD = { precision: 'day', from: '2023-11-29T08:00:00.000Z', to: '2023-11-30T08:00:00.000Z', timezone: LA };

describe('a snapshot names the facts known only to the day whose day holds its moment', () => {
  it('at noon on their day: each one, and whether the state counts it', () => {
    const doc = snapshotAt(ledgerOf(), '2023-11-29T12:00:00-08:00');
    expect(doc.format).toBe('incumbent.snapshot/4');
    expect(doc.companies[0].uncertain).toEqual([
      { eventId: 'ann', ...PERIOD, applied: true },
      { eventId: 'cat', ...PERIOD, applied: false },
    ]);
    // What the state counts agrees with `applied`: Ann in, Cat out; Dan, known to the minute, is certain.
    expect(doc.companies[0].board.members.map((m: { person: { id: string } }) => m.person.id)).toEqual(['ann', 'bob', 'dan']);
  });

  it('not at the day\'s last millisecond (where the state certainly holds them both), nor outside the day', () => {
    const ledger = ledgerOf();
    const last = snapshotAt(ledger, '2023-11-29T23:59:59.999-08:00');
    expect(last.companies[0].uncertain).toEqual([]);
    expect(last.companies[0].board.members).toHaveLength(4);
    for (const at of ['2023-11-30T00:00:00-08:00', '2023-11-28T23:59:59.999-08:00', '2023-12-15T12:00:00Z']) expect(snapshotAt(ledger, at).companies[0].uncertain, at).toEqual([]);
    // Its first millisecond is in it.
    expect(snapshotAt(ledger, '2023-11-29T00:00:00-08:00').companies[0].uncertain.map((u: { eventId: string }) => u.eventId)).toEqual(['ann', 'cat']);
  });

  it('as known at a time: only the facts that reader knows', () => {
    // Records are recorded a minute apart from 2024-01-01: Ann is the third record, Cat the fourth.
    const doc = snapshotAt(ledgerOf(), '2023-11-29T12:00:00-08:00', '2024-01-01T00:03:00Z');
    expect(doc.companies[0].uncertain).toEqual([{ eventId: 'ann', ...PERIOD, applied: true }]);
  });

  it('as format /2 wrote it: the same document as /3 without `uncertain`', () => {
    const snapshot = buildSnapshot(ledgerOf(), { at: '2023-11-29T12:00:00-08:00' }, hash, '1.0.0');
    const format2 = inFormat2(snapshot) as { format: string; companies: object[] };
    expect(SNAPSHOT_FORMAT).toBe('incumbent.snapshot/4');
    expect(format2.format).toBe('incumbent.snapshot/2');
    expect(format2.companies[0]).not.toHaveProperty('uncertain');
    expect({ ...format2.companies[0], uncertain: snapshot.companies[0]!.uncertain }).toEqual(inFormat3(snapshot).companies[0]);
  });

  it('a fact known only to the month, weeks and thousands of events from its written instant', () => {
    const ledger = ledgerOf();
    const month = { ...rec('board.joined', '2023-11-01T00:00:00-07:00', { person: person('eve') }, { id: 'eve' }), seq: ledger.head + 1, timeprecision: 'month' as const, timezone: LA };
    ledger.add(month);
    for (let i = 0; i < 3_000; i++) ledger.add(rec('workforce.reported', new Date(Date.parse('2023-11-02T00:00:00Z') + i * 600_000).toISOString(), { headcount: 100 + i }, { id: `count-${i}` }));
    const ids = (at: string) => snapshotAt(ledger, at).companies[0].uncertain.map((u: { eventId: string; applied: boolean }) => `${u.eventId}:${u.applied}`);
    expect(ids('2023-11-29T12:00:00-08:00')).toEqual(['ann:true', 'cat:false', 'eve:true']);
    expect(ids('2023-12-01T00:00:00-08:00')).toEqual([]);
  });

  it('a ledger started from its stored index (the marks with it) names the same facts', () => {
    const records = recordsOf();
    const source = { record: (seq: number) => records[seq - 1]!, records: (seqs: readonly number[], take: (seq: number, record: EventRecord) => void) => seqs.forEach((seq) => take(seq, records[seq - 1]!)) };
    const resumed = Ledger.fromIndex(ledgerOf().exportIndex(), { source: source as never });
    expect(snapshotAt(resumed, '2023-11-29T12:00:00-08:00')).toEqual(snapshotAt(ledgerOf(), '2023-11-29T12:00:00-08:00'));
  });

  it('in the first hour of a day whose clock went back over midnight (Amman, 29 Oct 2021, a 25-hour day)', () => {
    resetSeq();
    const ledger = new Ledger();
    ledger.add(created());
    ledger.add(rec('board.joined', '2021-10-01T09:00:00Z', { person: person('bob') }, { id: 'bob' }));
    ledger.add({ ...rec('board.joined', '2021-10-29T00:30:00+03:00', { person: person('gil') }, { id: 'gil' }), timeprecision: 'day', timezone: 'Asia/Amman' });
    expect(snapshotAt(ledger, '2021-10-29T00:45:00+03:00').companies[0].uncertain).toEqual([{ eventId: 'gil', precision: 'day', from: '2021-10-28T21:00:00.000Z', to: '2021-10-29T22:00:00.000Z', timezone: 'Asia/Amman', applied: true }]);
  });
});
