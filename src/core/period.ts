/**
 * Wall-clock periods: the day, month or year (in its own zone) that holds an instant. A fact known
 * only to the day, the month or the year happened some time in that period; the page and the
 * snapshot both reckon it so (`uncertain.ts`). Intl only: no DOM, so it runs everywhere.
 */
import type { Precision } from './event';
import { utcEpoch } from './time';

const DAY_MS = 86_400_000;

/** Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept. */
export const cached = <T>(make: (timeZone: string) => T) => {
  const cache = new Map<string, T>();
  return (timeZone: string) => {
    let found = cache.get(timeZone);
    if (found === undefined) cache.set(timeZone, (found = make(timeZone)));
    return found;
  };
};
// The era too: Intl numbers 1 BC (year 0) "1" and 2 BC "2", which read as years 1 and 2 AD.
const wallFormat = cached((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', era: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }));

/** The wall clock in `timeZone` at instant `ms`. */
export const partsOf = (ms: number, timeZone: string) => {
  const parts = wallFormat(timeZone).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const year = get('year');
  const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
  return { year: bc ? 1 - year : year, month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
};

/** Milliseconds to add to UTC to get wall time in `timeZone` at instant `ms`. */
export const offsetAt = (ms: number, timeZone: string) => {
  const p = partsOf(ms, timeZone);
  return utcEpoch(p.year, p.month, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
};

/**
 * The instant a wall time (as if UTC) names in `timeZone`. One the clock shows twice (it went back
 * over it: Amman's midnight of 29 Oct 2021, Magadan's of 26 Oct 2014) names its first instant, so
 * a day begins at its first midnight; one a DST change skips (in Chile, Cuba and Paraguay, midnight
 * itself) names the first instant after the gap, so a day begins on its own date and never an hour
 * into the day before. (Temporal's "compatible" choice.) The offsets tried are those a day either
 * side, so a change is seen whichever side of it the wall time read as UTC falls.
 */
export const wallToEpoch = (wall: number, timeZone: string) => {
  const [before, after] = [wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)];
  const shows = (instant: number) => instant + offsetAt(instant, timeZone) === wall;
  const named = [before, after].filter(shows);
  if (named.length > 0) return Math.min(...named);
  // Neither offset reads back as this wall time: it is in a gap; the later candidate is the gap's end.
  return Math.max(before, after);
};

/** The wall-clock period (day, month or year) around `ms` in `timeZone`: [start, end). */
export function periodOf(ms: number, precision: Precision, timeZone: string): [number, number] {
  const p = partsOf(ms, timeZone);
  if (precision === 'year') return [wallToEpoch(utcEpoch(p.year, 1, 1), timeZone), wallToEpoch(utcEpoch(p.year + 1, 1, 1), timeZone)];
  if (precision === 'month') return [wallToEpoch(utcEpoch(p.year, p.month, 1), timeZone), wallToEpoch(utcEpoch(p.year, p.month + 1, 1), timeZone)];
  return [wallToEpoch(utcEpoch(p.year, p.month, p.day), timeZone), wallToEpoch(utcEpoch(p.year, p.month, p.day + 1), timeZone)];
}

/** Known to a month or a year: a period that may hold moments weeks from the instant written. */
export const isMonthOrYear = (precision: Precision | undefined) => precision === 'month' || precision === 'year';
export const isCoarse = (precision: Precision) => precision === 'day' || isMonthOrYear(precision);
