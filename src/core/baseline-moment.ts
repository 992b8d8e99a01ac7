/**
 * A baseline fact is what was already true when the log's coverage of its company starts (see
 * `timeline-marks.ts`), so every baseline of a company is dated at that one moment. One dated later
 * would add to the state mid-coverage with no change to show for it (`diff` never reports a
 * baseline); one dated earlier would move the coverage start and leave the others mid-coverage.
 */
import { invalid } from './errors';
import type { Effective } from './evolve';
import type { Ledger } from './ledger';
import { formatMoment, toEpoch } from './time';
import { firstBaseline } from './timeline-marks';

/** A fact a batch adds: its index in the batch, and whether it is a correction's new version (whose time is `data.time`). */
export interface NewFact {
  effect: Effective;
  time: number;
  index?: number;
  correction?: boolean;
}

/** Throws `invalid` on the first new baseline of `company` dated other than where its coverage starts. */
export function checkBaselineMoments(ledger: Ledger, company: string, facts: readonly NewFact[], revised: ReadonlySet<string>, fieldOf: (index: number) => string): void {
  const baselines = facts.filter((fact) => fact.index !== undefined && fact.effect.data.baseline);
  if (baselines.length === 0) return;
  const timeline = ledger.timeline(company);
  // The log's first baseline this batch leaves as it is sets the moment (one it revises may move or go); without one, the batch's first.
  const logged = timeline && firstBaseline(timeline, ledger.head, (effect) => revised.has(effect.id));
  const first = logged ?? baselines.reduce((a, b) => (b.time < a.time ? b : a)).effect;
  const moment = toEpoch(first.time);
  const astray = baselines.find((fact) => fact.time !== moment);
  if (!astray) return;
  const field = `${fieldOf(astray.index!)}.${astray.correction ? 'data.time' : 'time'}`;
  throw invalid(
    field,
    `a baseline is what was already true when the log's coverage of ${company} starts, ${formatMoment(first.time, first.timeprecision, first.timezone)} (its first baseline, ${first.id}): date it then, or record what happened at ${formatMoment(astray.effect.time, astray.effect.timeprecision, astray.effect.timezone)} as a change, without "baseline"`,
  );
}
