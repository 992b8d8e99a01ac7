/**
 * Known-at cases an outside review built against the head-patching answer (`known-at.ts`): a
 * reader who predates a back-fill of many parts, and a revised fact nobody replays. How long they
 * took is measured in the closing notes, not here; here the answers must be replay's.
 */
import { describe, expect, it } from 'vitest';
import type { EventRecord } from './event';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';

const BASE = Date.UTC(2024, 0, 1);
const iso = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
const citation = { document: 'd', quote: 'q' };

/** Today's facts first; then `n` facts of the past back-filled, each about its own part. */
function backfilled(n: number, kind: 'item' | 'director' | 'seat'): { ledger: Ledger; before: number; now: number } {
  resetSeq();
  const records: EventRecord[] = [created(), rec('workforce.reported', iso(10 * n), { headcount: 500 }), rec('company.registered', iso(10 * n), { name: 'Acme' })];
  const before = records.length;
  for (let i = 1; i <= n; i++) {
    if (kind === 'item') records.push(rec('offer.made', iso(2 * i), { item: `offer-${i}`, from: 'a', to: 'b', summary: 'An offer' }));
    if (kind === 'director') records.push(rec('board.joined', iso(2 * i), { person: person(`director-${i}`) }));
    if (kind === 'seat') {
      records.push(rec('role.assumed', iso(2 * i), { person: person(`first-${i}`), role: `Head of Unit ${i}`, interim: false, acting: false }));
      records.push(rec('role.assumed', iso(2 * i + 1), { person: person(`second-${i}`), role: `Head of Unit ${i}`, interim: false, acting: false }));
    }
  }
  const ledger = new Ledger();
  for (const r of records) ledger.add(r);
  return { ledger, before, now: BASE + 10 * n * 60_000 };
}

describe('known-at: cases from an outside review', () => {
  for (const kind of ['item', 'director', 'seat'] as const) {
    it(`a reader who predates a back-fill of many ${kind}s, or knows half of it, sees what replay gives`, () => {
      const { ledger, before, now } = backfilled(3_000, kind);
      const timeline = ledger.timeline('acme')!;
      timeline.stateAt(now, ledger.head);
      // A known-at slider dragged: a new S each time, so never the scrubbing path.
      for (const knownSeq of [before, before + 1, Math.floor(ledger.head / 2), ledger.head - 1]) expect(timeline.stateAt(now, knownSeq)).toEqual(timeline.replayFromStart(now, knownSeq));
    });
  }

  it('a correction whose data leaves out a defaulted field, itself corrected, neither throws nor differs from replay', () => {
    resetSeq();
    const deal = { item: 'deal', inPrinciple: false, parties: ['Board'], summary: 'A deal', certainty: 'confirmed', citation };
    const records: EventRecord[] = [created(), rec('agreement.reached', iso(0), { ...deal, resolves: [] }, { id: 'deal' })];
    // Valid as written (the schema defaults `resolves`): a hand-made log.
    records.push(rec('event.corrected', iso(0), { target: 'deal', reason: 'fix', citation, data: deal }, { id: 'fix-1' }));
    // Corrected again: from here on nobody sees fix-1's fact.
    records.push(rec('event.corrected', iso(0), { target: 'fix-1', reason: 'fix', citation, data: { ...deal, resolves: [] } }, { id: 'fix-2' }));
    for (let i = 1; i <= 600; i++) records.push(rec('workforce.reported', iso(i), { headcount: i }));
    // A back-dated fact recorded last: a reader before it cannot use the head's checkpoints.
    records.push(rec('control.changed', iso(1), { controller: 'Parent', kind: 'acquired' }));
    const ledger = new Ledger();
    for (const r of records) ledger.add(r);
    const timeline = ledger.timeline('acme')!;
    const [time, knownSeq] = [BASE + 700 * 60_000, ledger.head - 1];
    expect(timeline.stateAt(time, knownSeq)).toEqual(timeline.replayFromStart(time, knownSeq));
    // The corrected version holds its data as the schema parses it.
    expect(ledger.effectOf('fix-1')?.data).toMatchObject({ resolves: [] });
  });

  it('a chair who leaves the board, as only the reader sees it, leaves the chair as replay does', () => {
    resetSeq();
    // Blocks of the head chain (128 entries each), padded.
    const blocks: [string, Record<string, unknown>][][] = [
      [['board.joined', { person: person('pat') }], ['board.chair.assumed', { person: person('pat'), interim: false }]],
      [],
      [],
      [['board.left', { person: person('pat'), cause: 'resigned' }]],
      [],
      [],
    ];
    const records: EventRecord[] = [created()];
    blocks.forEach((facts, block) => {
      facts.forEach(([type, data], i) => records.push(rec(type, iso(1000 * block + 2 + i), data)));
      for (let i = facts.length; i < 128; i++) records.push(rec('workforce.reported', iso(1000 * block + 500 + i), { headcount: i }));
    });
    // Recorded last, so the reader does not know it: quinn took the chair from pat before pat left.
    records.push(rec('board.chair.assumed', iso(1002), { person: person('quinn'), interim: false }));
    const ledger = new Ledger();
    for (const r of records) ledger.add(r);
    const timeline = ledger.timeline('acme')!;
    const [time, knownSeq] = [BASE + 5_999 * 60_000, ledger.head - 1];
    timeline.stateAt(time, ledger.head);
    const state = timeline.stateAt(time, knownSeq);
    expect(state).toEqual(timeline.replayFromStart(time, knownSeq));
    expect(state.chair).toBeNull();
  });

  it('a chair changing hands among many people, dirtied late in every block, answers as replay does (a second review: it took blocks x chairs)', () => {
    resetSeq();
    // Blocks of the head chain (128 entries each): in each, 127 people take the chair in turn.
    const blocks = 100;
    const records: EventRecord[] = [created()];
    for (let b = 0; b < blocks; b++) for (let i = 0; i < 127; i++) records.push(rec('board.chair.assumed', iso(1000 * b + 10 + i), { person: person(`p-${b}-${i}`), interim: false }));
    const knownSeq = records.length;
    // Recorded late, one in every block: a no-op (nobody vacates a chair they do not hold) that dirties the chair there.
    for (let b = 0; b < blocks; b++) records.push(rec('board.chair.vacated', iso(1000 * b + 5), { person: person('nobody'), cause: 'removed' }));
    const ledger = new Ledger();
    for (const r of records) ledger.add(r);
    const timeline = ledger.timeline('acme')!;
    const time = BASE + 1000 * blocks * 60_000;
    timeline.stateAt(time, ledger.head);
    expect(timeline.stateAt(time, knownSeq)).toEqual(timeline.replayFromStart(time, knownSeq));
  });
});
