import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from './event';
import { evolve } from './evolve';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { readerState, type HeadChain } from './known-at';
import { Ledger } from './ledger';
import { freezeShallow, frozenCopy, initialState, type CompanyState } from './state';
import { HeadWrites } from './head-writes';
import { PartPositions } from './part-positions';
import { PartTable } from './state-parts';
import type { Timeline } from './timeline';

const BASE = Date.UTC(2024, 0, 1);
const iso = (minute: number) => new Date(BASE + minute * 60_000).toISOString();
const people = ['ann', 'bob', 'cat', 'dan', 'eve'];
const roles = ['CEO', 'Chief Executive Officer', 'CTO', 'President'];
const items = ['i0', 'i1', 'i2', 'i3'];

/** Every kind of fact, about a few people, seats, items and ties, so facts meet often. */
function fact(which: number, who: string, role: string, item: string): [string, Record<string, unknown>] {
  const p = person(who);
  const other = items[(items.indexOf(item) + 1 + (which % 3)) % items.length]!;
  const kinds: [string, Record<string, unknown>][] = [
    ['role.assumed', { person: p, role, interim: which % 3 === 0, acting: which % 5 === 0 }],
    ['role.assumed', { person: p, role, interim: false, acting: false, ...(which % 4 === 0 ? { replaces: 'zed' } : {}) }],
    ['role.vacated', { person: p, role, cause: 'fired', ...(which % 2 ? { replacedBy: 'zed' } : {}) }],
    ['board.joined', { person: p, ...(which % 2 ? { independent: true } : {}) }],
    ['board.left', { person: p, cause: 'resigned' }],
    ['board.chair.assumed', { person: p, interim: which % 2 === 0 }],
    ['board.chair.vacated', { person: p, cause: 'removed' }],
    ['affiliation.started', { person: p, organization: `Org ${which % 3}` }],
    ['affiliation.ended', { person: p, organization: `Org ${which % 3}`, cause: 'resigned' }],
    ['petition.reported', { petition: `p${which % 2}`, title: 'Letter', demands: [], signatories: which % 1000 }],
    ['offer.made', { item, from: 'Board', to: who, summary: 'An offer' }],
    ['negotiation.opened', { item, parties: ['Board'], summary: 'Talks' }],
    ['dispute.opened', { item, parties: ['Board'], summary: 'A dispute' }],
    ['agreement.reached', { item, inPrinciple: which % 2 === 0, parties: ['Board'], summary: 'A deal', resolves: [other], ...(which % 3 === 0 ? { signed: true } : {}) }],
    ['pending.resolved', { item, outcome: which % 2 ? 'accepted' : 'refused' }],
    ['control.changed', { controller: `Parent ${which % 3}`, kind: 'acquired' }],
    ['workforce.reported', { headcount: 1 + (which % 500) }],
    ['company.registered', { name: `Name ${which % 3}` }],
    ['statement.made', { person: p, text: 'We said something.' }],
  ];
  return kinds[which % kinds.length]!;
}

const step = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('fact' as const),
      back: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 4000 }) }),
      which: fc.nat(),
      who: fc.constantFrom(...people),
      role: fc.constantFrom(...roles),
      item: fc.constantFrom(...items),
      company: fc.constantFrom('acme', 'acme', 'acme', 'globex'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('correct' as const), target: fc.nat(), minute: fc.option(fc.integer({ min: 0, max: 4000 })), who: fc.constantFrom(...people) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retract' as const), target: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reconstitute' as const), members: fc.subarray(people), chair: fc.option(fc.constantFrom(...people)) }) },
);
/** Where in the timeline, or how far into the log: fractions spread evenly (doubles crowd at 0 and 1). */
const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function buildLog(steps: Step[], reconstitute: boolean): EventRecord[] {
  resetSeq();
  const records: EventRecord[] = [created()];
  const revisable: EventRecord[] = [];
  const revised = new Set<string>();
  steps.forEach((s, index) => {
    if (s.kind === 'fact') {
      const [type, data] = fact(s.which, s.who, s.role, s.item);
      const r = rec(type, iso(Math.max(0, index - s.back)), data, { subject: s.company });
      records.push(r);
      revisable.push(r);
    } else if (s.kind === 'reconstitute') {
      if (reconstitute) records.push(rec('board.reconstituted', iso(index), { members: s.members.map(person), ...(s.chair ? { chair: person(s.chair) } : {}), cause: 'removed' }));
    } else {
      const candidates = revisable.filter((r) => !revised.has(r.id));
      if (candidates.length === 0) return;
      const target = candidates[s.target % candidates.length]!;
      revised.add(target.id);
      const citation = { document: 'd', quote: 'q' };
      if (s.kind === 'retract') {
        records.push(rec('event.retracted', target.time, { target: target.id, reason: 'wrong', citation }, { subject: target.subject! }));
        return;
      }
      // A revision of a fact far back: another person, and sometimes another time.
      const data = { ...(target.data as Record<string, unknown>), ...('person' in target.data ? { person: person(s.who) } : {}) };
      const correction = rec('event.corrected', target.time, { target: target.id, reason: 'fix', citation, data, ...(s.minute === null ? {} : { time: iso(s.minute) }) }, { subject: target.subject! });
      records.push(correction);
      revisable.push({ ...target, id: correction.id, seq: correction.seq });
    }
  });
  return records;
}

/** The state after the entries before `end` a reader at `knownSeq` sees, replayed one by one. */
function replayed(timeline: Timeline, end: number, knownSeq: number): CompanyState {
  const state = initialState(timeline.company);
  for (let i = 0; i < end; i++) if (timeline.visibleAt(i, knownSeq)) evolve(state, timeline.effectAt(i));
  return state;
}

/** A head chain over `timeline` with checkpoints every `interval` entries, built as `Timeline` builds its own. */
function headChain(timeline: Timeline, head: number, interval: number): HeadChain {
  const checkpoints = [freezeShallow(initialState(timeline.company))];
  const running = initialState(timeline.company);
  for (let i = 0; i < timeline.length; i++) {
    if (timeline.visibleAt(i, head)) evolve(running, timeline.effectAt(i));
    if ((i + 1) % interval === 0) checkpoints.push(frozenCopy(running, checkpoints.at(-1)!));
  }
  const table = new PartTable();
  const writes = new HeadWrites((block) => checkpoints[block]!);
  const positions = new PartPositions((position) => table.list(table.listOf(timeline.effectAt(position))));
  const visible = (position: number, knownSeq: number) => timeline.visibleAt(position, knownSeq);
  return {
    interval,
    checkpoint: (block) => checkpoints[block]!,
    headWrote: (partKey, from, to) => writes.between(partKey, from, to),
    rewritten: (partKey, cells, from, to) => writes.rewritten(partKey, cells, from, to),
    parts: (position) => table.list(table.listOf(timeline.effectAt(position))),
    positions: (part, end) => (part ? positions.of(part, end) : positions.every(end)),
    part: (key) => table.part(key),
    fact: (position) => timeline.effectAt(position),
    live: (position) => visible(position, head),
    visible,
    differing: (knownSeq, end) => Array.from({ length: end }, (_, i) => i).filter((i) => visible(i, knownSeq) !== visible(i, head)),
    empty: () => initialState(timeline.company),
  };
}

/** Adds the records one by one; after every so many, asks the next question of acme's timeline (once it has entries). */
function appendAsking<Q>(records: EventRecord[], questions: Q[], ask: (ledger: Ledger, timeline: Timeline, question: Q) => void): void {
  const ledger = new Ledger();
  const every = Math.max(1, Math.floor(records.length / questions.length));
  records.forEach((r, n) => {
    ledger.add(r);
    const question = n > 0 && n % every === 0 ? questions[n / every - 1] : undefined;
    const timeline = ledger.timeline('acme');
    if (question !== undefined && timeline?.length) ask(ledger, timeline, question);
  });
}

describe('known-at from the head checkpoints (property)', () => {
  it('a reader state patched from the head checkpoints equals its replay, for every kind of fact and revision', () => {
    const tally = { patched: 0, replayInstead: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 1500, size: 'max' }), fc.boolean(), fc.array(fc.tuple(fraction, fraction), { minLength: 1, maxLength: 12 }), (steps, reconstitute, queries) => {
        const ledger = new Ledger();
        for (const r of buildLog(steps, reconstitute)) ledger.add(r);
        for (const company of ledger.companies()) {
          const timeline = ledger.timeline(company)!;
          const interval = 4 + (steps.length % 13);
          const head = headChain(timeline, ledger.head, interval);
          const blocks = Math.floor(timeline.length / interval);
          for (const [where, when] of queries) {
            const block = Math.floor(where * (blocks + 1)) % (blocks + 1);
            const knownSeq = Math.floor(when * ledger.head);
            const state = readerState(head, block, knownSeq, -Infinity);
            if (!state) {
              tally.replayInstead += 1;
              continue;
            }
            if (head.differing(knownSeq, block * interval).length > 0) tally.patched += 1;
            expect(state).toEqual(replayed(timeline, block * interval, knownSeq));
          }
        }
      }),
      { numRuns: 80, endOnFailure: true },
    );
    // The property held where it was put to the test: many states were patched, and a board reconstituted sends the question back to replay.
    expect(tally.patched).toBeGreaterThan(300);
    expect(tally.replayInstead).toBeGreaterThan(0);
  });

  it('answers as replay does while facts, back-dated facts and revisions are appended between questions (from an outside review)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1200, maxLength: 2000 }), fc.array(fc.tuple(fraction, fraction, fraction), { minLength: 8, maxLength: 16 }), (steps, queries) => {
        appendAsking(buildLog(steps, false), queries, (ledger, timeline, [where, recent, old]) => {
          // Checkpoints built for these questions are cut and rebuilt by the appends that follow.
          const time = timeline.times[Math.floor(where * timeline.length) % timeline.length]! + (old > 0.5 ? 1e9 : 0);
          for (const knownSeq of [ledger.head, ledger.head - 1 - Math.floor(recent * 60), ledger.head - 1 - Math.floor(old * 200), Math.floor(old * ledger.head)]) {
            expect(timeline.stateAt(time, knownSeq)).toEqual(timeline.replayFromStart(time, knownSeq));
          }
        });
      }),
      { numRuns: 30, endOnFailure: true },
    );
  });

  it('a timeline answers a new known-at each question as replay from the start does', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 900, maxLength: 2500 }), fc.array(fc.tuple(fraction, fraction), { minLength: 5, maxLength: 20 }), (steps, queries) => {
        const ledger = new Ledger();
        for (const r of buildLog(steps, false)) ledger.add(r);
        const timeline = ledger.timeline('acme')!;
        const [first, last] = [timeline.times[0]!, timeline.times[timeline.length - 1]!];
        for (const [where, when] of queries) {
          const time = first + where * (last - first);
          const knownSeq = Math.floor(when * ledger.head);
          expect(timeline.stateAt(time, knownSeq)).toEqual(timeline.replayFromStart(time, knownSeq));
        }
      }),
      { numRuns: 25, endOnFailure: true },
    );
  });

  it('a reader who scrubs with its known-at held still, while records are appended, sees at every step what replay gives', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 900, maxLength: 2000 }), fc.array(fc.tuple(fraction, fraction, fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 3, maxLength: 12 })), { minLength: 3, maxLength: 8 }), (steps, scrubs) => {
        /** One reader throughout, at about where the log was at the first scrub; each scrub goes back near the first one's moment. */
        let held: { knownSeq: number; time: number } | undefined;
        appendAsking(buildLog(steps, false), scrubs, (ledger, timeline, [where, when, moves]) => {
          // Steps to nearby positions and jumps back and forth; the appends between scrubs (back-dated
          // facts, revisions) move entries under the states kept for this reader, and must cut them.
          held ??= { knownSeq: ledger.head - 1 - Math.floor(when * 30), time: timeline.times[Math.floor(where * timeline.length)]! };
          const knownSeq = held.knownSeq;
          let position = Math.max(0, timeline.countUntil(held.time) - 1);
          for (const move of [0, ...moves]) {
            position = Math.min(timeline.length - 1, Math.max(0, position + move));
            const time = timeline.times[position]!;
            expect(timeline.stateAt(time, knownSeq)).toEqual(timeline.replayFromStart(time, knownSeq));
          }
        });
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });
});
