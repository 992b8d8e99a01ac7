/**
 * What a state at a moment cannot be sure of: facts known only to the day, the month or the year
 * (in their own zone) whose period holds the moment. Each may or may not have happened by then;
 * the state counts it in or out by where its written instant falls (`applied`). One rule, for the
 * page (the replay worker) and the exported snapshot alike.
 */
import type { Precision } from './event';
import type { Effective } from './evolve';
import type { Reader } from './published-reader';
import { periodOf } from './period';
import { lowerBound, upperBound } from './search';
import type { Timeline } from './timeline';
import { DAY_FACT, PERIOD_FACT } from './timeline-marks';

const DAY = 86_400_000;

export interface UncertainEntry {
  /** Its position in the timeline, and the fact there (as the reader sees it). */
  position: number;
  effect: Effective;
  precision: Precision;
  /** The period it happened in, [from, to), epoch ms, in its own zone. */
  from: number;
  to: number;
  /** Whether the state at the moment includes it: its written instant is at or before the moment. */
  applied: boolean;
}

/**
 * The facts a reader sees whose period holds `at` (epoch ms): day facts first, then month and year
 * facts, each in time order. Only the entries marked as such (`timeline-marks.ts`) near the moment
 * are read: day facts within three days of it (a day can last 26 hours, Magadan's of 26 Oct 2014,
 * or 48, Juneau's of 18 Oct 1867; the period decides), month and year facts within a year; the
 * rest costs a byte read each, no fact. Neither a registration nor a baseline fact is a change
 * that may not have happened yet.
 */
export function uncertainAt(timeline: Timeline, reader: Reader, at: number): UncertainEntry[] {
  const found: UncertainEntry[] = [];
  const { times } = timeline;
  const { each: marks, seen } = timeline.marks;
  const near = (mark: number, reach: number) => {
    // Most timelines hold no such fact at all (every synthetic log, many real ones): then no entry is read.
    if (!(seen & mark)) return;
    for (let i = upperBound(times, at - reach), end = lowerBound(times, at + reach); i < end; i++) {
      if (!(marks[i]! & mark) || !reader.visible(timeline, i)) continue;
      const effect = timeline.effectAt(i);
      if (effect.type === 'company.registered' || effect.data.baseline) continue;
      const [from, to] = periodOf(times[i]!, effect.timeprecision, effect.timezone);
      // The period's last millisecond is where a step or a click on the fact lands (momentOfEvent) and where the state certainly includes it: not uncertain there.
      if (at >= from && at < to - 1) found.push({ position: i, effect, precision: effect.timeprecision, from, to, applied: times[i]! <= at });
    }
  };
  near(DAY_FACT, 3 * DAY);
  near(PERIOD_FACT, 367 * DAY);
  return found;
}
