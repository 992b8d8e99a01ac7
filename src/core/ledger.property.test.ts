import fc from 'fast-check';
import { holderOf } from './state';
import { describe, expect, it } from 'vitest';
import { dictKeys } from './dict';
import type { EventRecord } from './event';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { stateAndBefore } from './last-change';
import { Ledger } from './ledger';

const BASE = Date.UTC(2024, 0, 1);
const iso = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
const people = ['ann', 'bob', 'cat', 'dan'];
const roles = ['CEO', 'CTO', 'President'];

/** One random step of a log: a fact at a random (often back-dated) time, or a revision of an earlier one. */
const step = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('fact' as const), minute: fc.integer({ min: 0, max: 5000 }), which: fc.nat(), who: fc.constantFrom(...people), role: fc.constantFrom(...roles), company: fc.constantFrom('acme', 'globex') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('correct' as const), target: fc.nat(), minute: fc.integer({ min: 0, max: 5000 }), who: fc.constantFrom(...people) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), target: fc.nat() }) },
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function buildLog(steps: Step[]): EventRecord[] {
  resetSeq();
  const records: EventRecord[] = [created()];
  const revisable: EventRecord[] = [];
  const revised = new Set<string>();
  for (const s of steps) {
    if (s.kind === 'fact') {
      const factTypes = [
        () => rec('role.assumed', iso(s.minute), { person: person(s.who), role: s.role, interim: s.which % 3 === 0, acting: false }, { subject: s.company }),
        () => rec('role.vacated', iso(s.minute), { person: person(s.who), role: s.role, cause: 'fired' }, { subject: s.company }),
        () => rec('board.joined', iso(s.minute), { person: person(s.who) }, { subject: s.company }),
        () => rec('board.left', iso(s.minute), { person: person(s.who), cause: 'resigned' }, { subject: s.company }),
        () => rec('board.chair.assumed', iso(s.minute), { person: person(s.who), interim: false }, { subject: s.company }),
        () => rec('petition.reported', iso(s.minute), { petition: 'p', title: 'P', demands: [], signatories: s.which % 1000 }, { subject: s.company }),
        () => rec('offer.made', iso(s.minute), { item: `i${s.which % 3}`, from: 'a', to: 'b', summary: 's' }, { subject: s.company }),
        () => rec('pending.resolved', iso(s.minute), { item: `i${s.which % 3}`, outcome: 'accepted' }, { subject: s.company }),
      ];
      const r = factTypes[s.which % factTypes.length]!();
      records.push(r);
      revisable.push(r);
      continue;
    }
    const candidates = revisable.filter((r) => !revised.has(r.id));
    if (candidates.length === 0) continue;
    const target = candidates[s.target % candidates.length]!;
    revised.add(target.id);
    if (s.kind === 'retract') {
      records.push(rec('event.retracted', target.time, { target: target.id, reason: 'wrong', citation: { document: 'd', quote: 'q' } }, { subject: target.subject! }));
    } else {
      // Re-time the fact and change who it is about; corrected data keeps the target's type.
      const data = { ...(target.data as Record<string, unknown>), ...('person' in target.data ? { person: person(s.who) } : {}) };
      const correction = rec('event.corrected', target.time, { target: target.id, reason: 'fix', citation: { document: 'd', quote: 'q' }, time: iso(s.minute), data }, { subject: target.subject! });
      records.push(correction);
      revisable.push({ ...target, id: correction.id, seq: correction.seq });
    }
  }
  return records;
}

describe('Ledger replay (property)', () => {
  it('checkpointed replay equals replay from the start at random (T, R), with back-dated events and revisions', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 1200, size: 'max' }), fc.array(fc.tuple(fc.integer({ min: -10, max: 5010 }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 8 }), (steps, queries) => {
        const records = buildLog(steps);
        const ledger = new Ledger();
        // Interleave queries with appends so checkpoints are built, then invalidated by back-dated facts.
        // The head state (what an append is checked against) moves with the end and is dropped by
        // changes before it: asked every 89 records, it stays the state after every live fact.
        records.forEach((r, i) => {
          ledger.add(r);
          if (i % 97 === 0) for (const company of ledger.companies()) ledger.stateAt(company, iso(2500));
          // Checkpoints built ahead of any question (the page's worker while idle), then invalidated by what follows.
          if (i % 53 === 0) for (const company of ledger.companies()) ledger.timeline(company)!.warm(1 + (i % 3));
          if (i % 89 === 0) for (const company of ledger.companies()) expect(ledger.timeline(company)!.headState()).toEqual(ledger.timeline(company)!.replayFromStart(Infinity, ledger.head));
        });
        for (const company of ledger.companies()) expect(ledger.timeline(company)!.headState()).toEqual(ledger.timeline(company)!.replayFromStart(Infinity, ledger.head));
        // A one-shot process's ledger replays each question instead of building checkpoints: the same answers.
        const oneShot = new Ledger({ checkpoints: false });
        records.forEach((r) => oneShot.add(r));
        // Back-dated facts wait to be merged in: merged every 97 records or all at once, each
        // timeline holds every fact of its company once, in (time, seq) order.
        for (const company of ledger.companies()) {
          const keys = (l: Ledger) => Array.from({ length: l.timeline(company)!.length }, (_, i) => [l.timeline(company)!.times[i]!, l.timeline(company)!.effectAt(i).seq]);
          const expected = [...keys(ledger)].sort(([t1, s1], [t2, s2]) => t1! - t2! || s1! - s2!);
          expect(keys(ledger)).toEqual(expected);
          expect(keys(oneShot)).toEqual(expected);
          expect(expected.length).toBe(records.filter((r) => oneShot.effectOf(r.id)?.subject === company).length);
        }
        // Half the time, every timeline warmed to the end first, as the page's worker does while idle
        // (the known-at aids listed ahead of the questions); else listed by the questions themselves.
        if (queries.length % 2 === 1) for (const company of ledger.companies()) while (!ledger.timeline(company)!.warm(2));
        for (const [minute, fraction] of queries) {
          const knownSeq = Math.floor(fraction * ledger.head);
          for (const company of ledger.companies()) {
            const timeline = ledger.timeline(company)!;
            expect(oneShot.timeline(company)!.stateAt(BASE + minute * 60_000, knownSeq)).toEqual(timeline.stateAt(BASE + minute * 60_000, knownSeq));
            // The state with the state just before its last change, from one replay: both as replayed from the start.
            const reader = ledger.reader(ledger.record(Math.max(1, knownSeq))!.recordedtime);
            const both = stateAndBefore(reader, timeline, BASE + minute * 60_000);
            const readerSeq = ledger.knownSeq(ledger.record(Math.max(1, knownSeq))!.recordedtime);
            expect(both.state).toEqual(timeline.replayFromStart(BASE + minute * 60_000, readerSeq));
            expect(both.before).toEqual(both.last < 0 ? both.state : timeline.replayFromStart(timeline.times[both.last]! - 1, readerSeq));
            const changes = Array.from({ length: timeline.countUntil(BASE + minute * 60_000) }, (_, i) => i).filter((i) => timeline.visibleAt(i, readerSeq) && !timeline.effectAt(i).data.baseline);
            expect(both.last).toBe(changes.at(-1) ?? -1);
            // Twice with the same known-at, as a reader scrubbing does (that path has checkpoints of its own).
            for (const time of [BASE + minute * 60_000, BASE + ((minute * 7) % 5000) * 60_000]) {
              expect(timeline.stateAt(time, knownSeq)).toEqual(timeline.replayFromStart(time, knownSeq));
            }
          }
        }
      }),
      // Large logs shrink slowly: report the seed and the first counterexample instead of minimising it.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it('knownSeq maps a recorded time to the prefix of the log recorded by then', () => {
    resetSeq();
    const ledger = new Ledger();
    const records = [created(), rec('board.joined', iso(1), { person: person('ann') }, { recordedtime: '2024-03-01T00:00:00Z' }), rec('board.joined', iso(2), { person: person('bob') }, { recordedtime: '2024-03-02T00:00:00Z' })];
    records[0] = { ...records[0]!, recordedtime: '2024-02-01T00:00:00Z' };
    records.forEach((r) => ledger.add(r));
    expect(ledger.knownSeq('2024-01-01T00:00:00Z')).toBe(0);
    expect(ledger.knownSeq('2024-03-01T00:00:00Z')).toBe(2);
    expect(ledger.knownSeq('2024-03-01T12:00:00Z')).toBe(2);
    expect(ledger.knownSeq()).toBe(3);
    expect(dictKeys(ledger.stateAt('acme', iso(10), '2024-03-01T12:00:00Z')!.board)).toEqual(['ann']);
  });

  it('a correction replaces the fact for readers who know it, and the original stays for earlier readers', () => {
    resetSeq();
    const ledger = new Ledger();
    const log = created();
    const fact = rec('role.assumed', iso(10), { person: person('ann'), role: 'CEO', interim: false, acting: false });
    [log, fact, rec('event.corrected', iso(10), { target: fact.id, reason: 'r', citation: { document: 'd', quote: 'q' }, time: iso(20), data: { ...fact.data, person: person('bob') } })].forEach((r) => ledger.add(r));
    expect(holderOf(ledger.stateAt('acme', iso(15))!, 'CEO')).toBeUndefined();
    expect(holderOf(ledger.stateAt('acme', iso(25))!, 'CEO')?.person.id).toBe('bob');
    expect(holderOf(ledger.stateAt('acme', iso(25), ledger.record(2)!.recordedtime)!, 'CEO')?.person.id).toBe('ann');
    expect(ledger.revisionOf(fact.id)).toBe(ledger.record(3)!.id);
  });
});
