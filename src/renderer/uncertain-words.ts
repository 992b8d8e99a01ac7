/**
 * How the screen and the screen reader word the facts whose period holds the moment: each said
 * with its own period and precision, so that a fact known only to the month is never given a day.
 */
import type { Precision } from '../core/event';
import { formatPeriod } from './format';
import type { Uncertain } from './replay-protocol';

/** What the log cannot say of a fact known to this precision. */
const UNKNOWN: Partial<Record<Precision, string>> = { day: 'at what hour', month: 'on what day', year: 'in what month' };

interface Period {
  precision: Precision;
  from: number;
  timezone: string;
  count: number;
}

/** The facts grouped by the period they fall in, in the order first met. */
function periods(items: Uncertain[]): Period[] {
  const byKey = new Map<string, Period>();
  for (const u of items) {
    const key = `${u.precision} ${u.from} ${u.timezone}`;
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { precision: u.precision, from: u.from, timezone: u.timezone, count: 1 });
  }
  return [...byKey.values()];
}

/** "2 changes on Sun 19 Nov 2023 known only to the day; 1 change in May 2022 known only to the month". */
export function uncertainSummary(items: Uncertain[]): string {
  return periods(items)
    .map((p) => `${p.count} change${p.count === 1 ? '' : 's'} ${formatPeriod(p.from, p.precision, p.timezone)} known only to the ${p.precision}`)
    .join('; ');
}

/** "the log cannot say at what hour, so at this moment it may or may not have happened". */
export function uncertainReason(items: Uncertain[]): string {
  const precisions = new Set(items.map((u) => u.precision));
  const only = precisions.size === 1 ? UNKNOWN[[...precisions][0]!] : undefined;
  return `the log cannot say ${only ?? 'exactly when'}, so at this moment ${items.length === 1 ? 'it' : 'each'} may or may not have happened`;
}

/** "changed some time in May 2022": one seat's fact whose period holds the moment. */
export const seatNote = (u: Uncertain) => `${u.applied ? 'changed' : 'may change'} some time ${formatPeriod(u.from, u.precision, u.timezone)}`;
