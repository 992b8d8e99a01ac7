import { describe, expect, it } from 'vitest';
import { kindOf } from '../core/describe';
import type { EventRecord } from '../core/event';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import type { Timeline } from '../core/timeline';
import { KINDS } from './kinds';
import { PRECISIONS } from './replay-protocol';
import { timelineCodes, viewFor } from './timeline-view';

const citation = { document: 'd', quote: 'q' };
const at = (day: number) => new Date(Date.UTC(2023, 10, day)).toISOString();
const zoned = (r: EventRecord, timezone: string, timeprecision = r.timeprecision): EventRecord => ({ ...r, timezone, timeprecision });

/** What a reader who sees `visible` should get, read fact by fact. */
function readOneByOne(t: Timeline, visible: (position: number) => boolean) {
  const seen = Array.from({ length: t.length }, (_, i) => i).filter(visible);
  const facts = seen.map((i) => t.effectAt(i));
  return {
    seqs: facts.map((f) => f.seq),
    times: seen.map((i) => t.times[i]!),
    kinds: facts.map((f) => (KINDS as readonly string[]).indexOf(kindOf(f.type))),
    precisions: facts.map((f) => PRECISIONS.indexOf(f.timeprecision)),
    figures: seen.flatMap((i) => {
      const f = t.effectAt(i);
      if (f.type === 'workforce.reported') return [{ time: t.times[i]!, series: 'Workforce', value: f.data.headcount, certainty: f.data.certainty }];
      if (f.type === 'petition.reported') return [{ time: t.times[i]!, series: f.data.title, value: f.data.signatories, certainty: f.data.certainty }];
      return [];
    }),
  };
}

/** The zone most of what a reader sees was recorded in; of those tied, the one it sees first. One who sees nothing: the zone of most entries. */
function mostSeenZone(t: Timeline, visible: (position: number) => boolean): string {
  const zones = new Map<string, number>();
  for (let i = 0; i < t.length; i++) if (visible(i)) zones.set(t.effectAt(i).timezone, (zones.get(t.effectAt(i).timezone) ?? 0) + 1);
  return [...zones].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (t.length > 0 ? mostSeenZone(t, () => true) : 'UTC');
}

describe('the timeline view, from codes worked out once', () => {
  it('gives every reader what reading its facts one by one gives, with corrections moved and retractions gone', () => {
    resetSeq();
    const records = [
      created(),
      zoned(rec('role.assumed', at(17), { person: person('sam'), role: 'CEO', interim: false, acting: false }, { id: 'sam-ceo' }), 'America/Los_Angeles'),
      zoned(rec('workforce.reported', at(18), { headcount: 770 }), 'America/Los_Angeles', 'day'),
      rec('petition.reported', at(20), { petition: 'letter', title: 'Staff letter', demands: [], signatories: 505 }, { id: 'letter' }),
      rec('board.joined', at(19), { person: person('bret') }, { id: 'bret' }),
      // Recorded later: the letter had more signatures on another day, and Bret's seat is retracted.
      rec('event.corrected', at(20), { target: 'letter', reason: 'recount', citation, time: at(21), data: { petition: 'letter', title: 'Staff letter', demands: [], signatories: 702, certainty: 'confirmed', citation } }),
      rec('event.retracted', at(19), { target: 'bret', reason: 'wrong', citation }),
      zoned(rec('role.vacated', at(22), { person: person('sam'), role: 'CEO', cause: 'fired' }), 'America/Los_Angeles'),
    ];
    const ledger = new Ledger();
    for (const r of records) ledger.add(r);
    const t = ledger.timeline('acme')!;
    const codes = timelineCodes(t);
    for (let knownSeq = 0; knownSeq <= ledger.head; knownSeq++) {
      const visible = (position: number) => t.visibleAt(position, knownSeq);
      const view = viewFor('acme', t, codes, visible);
      const expected = readOneByOne(t, visible);
      expect({ seqs: [...view.seqs], times: [...view.times], kinds: [...view.kinds], precisions: [...view.precisions], figures: view.figures }).toEqual(expected);
      expect(view.timeZone).toBe(mostSeenZone(t, visible));
    }
    // At the head: the corrected letter on the 21st with 702 signatures; Bret's seat gone.
    const head = viewFor('acme', t, codes, (position) => t.visibleAt(position, ledger.head));
    expect(head.figures).toEqual([
      { time: Date.parse(at(18)), series: 'Workforce', value: 770, certainty: 'confirmed' },
      { time: Date.parse(at(21)), series: 'Staff letter', value: 702, certainty: 'confirmed' },
    ]);
    expect(head.kinds.length).toBe(4);
    expect(head.timeZone).toBe('America/Los_Angeles');
  });

  it("shows a reader who sees nothing the company in its own zone, not UTC (the page kept it by a case of its own)", () => {
    resetSeq();
    const ledger = new Ledger();
    for (const r of [created(), zoned(rec('workforce.reported', at(18), { headcount: 1 }), 'Europe/Paris')]) ledger.add(r);
    const t = ledger.timeline('acme')!;
    expect(viewFor('acme', t, timelineCodes(t), () => false)).toMatchObject({ timeZone: 'Europe/Paris', figures: [], seqs: new Float64Array(0) });
    expect(viewFor('acme', t, timelineCodes(t), () => true).timeZone).toBe('Europe/Paris');
  });

  it('breaks a tie between zones by what the reader sees, not by a fact recorded after its known-at (an outside review)', () => {
    resetSeq();
    const ledger = new Ledger();
    ledger.add(created());
    ledger.add(zoned(rec('workforce.reported', at(17), { headcount: 1 }), 'Europe/Paris'));
    ledger.add(zoned(rec('workforce.reported', at(19), { headcount: 2 }), 'Europe/London'));
    const knownSeq = ledger.head;
    // Recorded later, back-dated before both: the reader at knownSeq does not see it.
    ledger.add(zoned(rec('workforce.reported', at(10), { headcount: 3 }), 'Europe/London'));
    const t = ledger.timeline('acme')!;
    const visible = (position: number) => t.visibleAt(position, knownSeq);
    expect(viewFor('acme', t, timelineCodes(t), visible).timeZone).toBe('Europe/Paris');
    expect(mostSeenZone(t, visible)).toBe('Europe/Paris');
  });
});
