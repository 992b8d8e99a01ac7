/**
 * Refusing contradictions: a batch is checked against the state at each event's moment, as the log
 * knows it (back-dated events included), by replaying the affected companies from just before the
 * batch's earliest moment with `decide` before every fact. Later facts already in the log are
 * decided again too: an event (or a correction, or a retraction) that would make a later event
 * contradict the log is refused, naming that later event. Contradictions the log already held
 * before the batch (written before these rules existed) are not the batch's fault and are let be.
 */
import { checkBaselineMoments } from './baseline-moment';
import { decide, type Refusal } from './decide';
import { invalid } from './errors';
import type { EventDraft } from './event';
import { evolve, type Effective } from './evolve';
import type { Ledger } from './ledger';
import { copyState, initialState, type CompanyState } from './state';
import type { Timeline } from './timeline';
import { formatMoment, toEpoch } from './time';
import { isDomain } from './vocabulary';
import { offsetProblem } from './zone';

interface Fact {
  effect: Effective;
  time: number;
  /** Index in the batch for a new fact; undefined for one already in the log. */
  index?: number;
  /** For an existing fact: true when the batch revises it (it is gone in the new history). */
  revised?: boolean;
  /** A new fact that is a correction's corrected version: its payload sits at `data.data`. */
  correction?: boolean;
}

interface Affected {
  facts: Fact[];
  earliest: number;
  revised: Set<string>;
  /** The batch event that first touched this company (a retraction adds no fact, but is a cause). */
  cause: number;
}

const byTimeThenSeq = (a: Fact, b: Fact) => a.time - b.time || a.effect.seq - b.effect.seq;

/** Throws `invalid` naming the batch event and field at fault, or returns when the batch fits. */
export function checkConsistency(ledger: Ledger, drafts: readonly EventDraft[], fieldOf: (index: number) => string): void {
  const affected = new Map<string, Affected>();
  const inBatch = new Map<string, Effective>();
  const touch = (company: string, time: number, index: number) => {
    const entry = affected.get(company) ?? { facts: [], earliest: Infinity, revised: new Set<string>(), cause: index };
    entry.earliest = Math.min(entry.earliest, time);
    affected.set(company, entry);
    return entry;
  };
  const sent = new Set<string>();
  drafts.forEach((draft, index) => {
    // Re-sent events, already in the log or earlier in this batch, are no-ops (or id conflicts the store refuses).
    if (draft.id && (ledger.byId(draft.id) || sent.has(draft.id))) return;
    if (draft.id) sent.add(draft.id);
    const seq = ledger.head + index + 1;
    const id = draft.id ?? `(event ${index + 1})`;
    if (draft.type === 'event.corrected' || draft.type === 'event.retracted') {
      const target = inBatch.get(draft.data.target) ?? ledger.effectOf(draft.data.target);
      if (!target) return; // checkRevision has already refused a missing target
      const entry = touch(target.subject, toEpoch(target.time), index);
      entry.revised.add(target.id);
      entry.facts = entry.facts.filter((fact) => fact.effect.id !== target.id);
      if (draft.type === 'event.retracted') return;
      const time = draft.data.time ?? target.time;
      const offset = draft.data.time ? offsetProblem(time, target.timezone, toEpoch(time)) : undefined;
      if (offset) throw invalid(`${fieldOf(index)}.data.time`, offset);
      const effect = { ...target, id, seq, time, timeprecision: draft.data.timeprecision ?? target.timeprecision, data: draft.data.data } as Effective;
      inBatch.set(id, effect);
      touch(effect.subject, toEpoch(time), index).facts.push({ effect, time: toEpoch(time), index, correction: true });
      return;
    }
    if (!isDomain(draft.type)) return;
    const effect = { ...draft, id, seq } as Effective;
    inBatch.set(id, effect);
    touch(effect.subject, toEpoch(effect.time), index).facts.push({ effect, time: toEpoch(effect.time), index });
  });
  for (const [company, entry] of affected) {
    checkBaselineMoments(ledger, company, entry.facts, entry.revised, fieldOf);
    checkCompany(ledger, company, entry, fieldOf);
  }
}

/**
 * The state at `before` as the log stands. A batch after every fact so far (the usual append) is
 * checked against the head state, which a long timeline keeps without building its checkpoints.
 */
const stateBefore = (timeline: Timeline, before: number, head: number): CompanyState =>
  timeline.length === 0 || before >= timeline.times[timeline.length - 1]! ? timeline.headState() : timeline.stateAt(before, head);

function checkCompany(ledger: Ledger, company: string, { facts, earliest, revised, cause }: Affected, fieldOf: (index: number) => string): void {
  const timeline = ledger.timeline(company);
  const before = earliest - 1;
  // `next`: the history with the batch; `now`: the log as it is, to tell new contradictions from old.
  const next: CompanyState = timeline ? copyState(stateBefore(timeline, before, ledger.head)) : initialState(company, ledger.initialName(company));
  const now = copyState(next);
  const existing: Fact[] = [];
  if (timeline) {
    for (let i = timeline.countUntil(before); i < timeline.length; i++) {
      if (!timeline.visibleAt(i, ledger.head)) continue;
      const effect = timeline.effectAt(i);
      existing.push({ effect, time: timeline.times[i]!, revised: revised.has(effect.id) });
    }
  }
  const all = [...existing, ...facts].sort(byTimeThenSeq);
  let lastNew: Fact | undefined;
  for (const fact of all) {
    if (fact.index !== undefined) {
      const refusal = decide(next, fact.effect);
      if (refusal) throw refuse(fact, refusal, fieldOf);
      evolve(next, fact.effect);
      lastNew = fact;
      continue;
    }
    if (!fact.revised) {
      const refusal = decide(next, fact.effect);
      if (refusal && !decide(now, fact.effect)) {
        const { effect } = fact;
        throw invalid(fieldOf(lastNew?.index ?? cause), `it would make record #${effect.seq} (${effect.type} of ${formatMoment(effect.time, effect.timeprecision, effect.timezone)}, id ${effect.id}) contradict the log: ${refusal.message}`);
      }
      evolve(next, fact.effect);
    }
    evolve(now, fact.effect);
  }
}

/** A refusal of a new fact, with its field as the caller names it (a correction's payload is `data.data`). */
function refuse(fact: Fact, refusal: Refusal, fieldOf: (index: number) => string) {
  const field = fact.correction ? refusal.field.replace(/^data\./, 'data.data.') : refusal.field;
  return invalid(`${fieldOf(fact.index!)}.${field}`, refusal.message);
}
