/**
 * The marks a ledger gives each timeline entry (a byte beside it), and the searches over many
 * entries that read those marks instead of the facts: a million-event log answers them without
 * reading its records back or building checkpoints.
 */
import type { RecordOf } from './event';
import type { Effective } from './evolve';
import type { Timeline } from './timeline';
import { isMonthOrYear } from './period';

/** A baseline fact: already true when the log's coverage starts, its start unknown. */
const BASELINE = 1;
/** A company's registration, which names it. */
const NAMING = 2;

/** A fact known only to the day: its day, in its zone, may hold moments before its written instant (see `uncertain.ts`). */
export const DAY_FACT = 4;
/** A fact known only to the month or the year: its period may hold moments months from its written instant. */
export const PERIOD_FACT = 8;

const precisionMark = (effect: Effective) => (effect.timeprecision === 'day' ? DAY_FACT : isMonthOrYear(effect.timeprecision) ? PERIOD_FACT : 0);
export const marksOf = (effect: Effective): number => (effect.data.baseline ? BASELINE : 0) | (effect.type === 'company.registered' ? NAMING : 0) | precisionMark(effect);

/**
 * Where the log's coverage of a company starts, for a reader who knows `knownSeq` records: the
 * first baseline fact, or else its first fact. Facts dated before it (a CTO since May 2022) are
 * context; the state before it is not covered.
 */
export function coverageStart(timeline: Timeline, knownSeq: number): Effective | undefined {
  const baseline = timeline.findMarked(BASELINE, knownSeq);
  const start = baseline >= 0 ? baseline : timeline.findMarked(0, knownSeq);
  return start >= 0 ? timeline.effectAt(start) : undefined;
}

/** The first baseline fact a reader at `knownSeq` sees that `passed` does not pass over (a fact a batch revises). */
export function firstBaseline(timeline: Timeline, knownSeq: number, passed: (effect: Effective) => boolean): Effective | undefined {
  for (let i = timeline.findMarked(BASELINE, knownSeq); i >= 0; i = timeline.findMarked(BASELINE, knownSeq, false, i + 1)) {
    const effect = timeline.effectAt(i);
    if (!passed(effect)) return effect;
  }
  return undefined;
}

/** The name from the company's latest registration in force at `head`, found by walking its timeline back. */
export function latestName(timeline: Timeline, head: number): string | undefined {
  const naming = timeline.findMarked(NAMING, head, true);
  return naming >= 0 ? (timeline.effectAt(naming) as RecordOf<'company.registered'>).data.name : undefined;
}
