/**
 * What the scrubber draws and where its steps land, as plain functions of the timeline: axis ticks
 * on round wall-clock times, markers grouped where they cannot be told apart, day-precision facts
 * as bands, and the next or previous moment at which the state certainly includes an event.
 */
import { partsOf, wallToEpoch } from '../core/period';
import { lowerBound, upperBound } from '../core/search';
import { utcEpoch } from '../core/time';
import { formatPeriod, formatClock, formatDay, formatInstant, formatShortMonth, formatYear, isCoarse, offsetAt, periodOf } from './format';
import { KINDS, kindLabel } from './kinds';
import { PRECISIONS } from './replay-protocol';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];
/** Beyond a week, ticks fall on calendar months, this many apart (from January): Jan/Apr/Jul/Oct, or every fifth year. */
const MONTH_STEPS = [1, 3, 6, 12, 24, 60, 120, 600];
const AVERAGE_MONTH = 30.44 * DAY;
/** More markers than this in view are not drawn one by one: the density strip shows where events are. */
const MAX_MARKERS = 600;
/**
 * How far a coarse fact's period can reach past its recorded instant (the period's start or any
 * instant in it), with a DST hour: a day, a month, a year. Indexed like PRECISIONS; finer facts reach nowhere.
 */
const REACH = [0, 0, 0, DAY, 31 * DAY, 366 * DAY].map((r) => (r ? r + 2 * HOUR : 0));
/** The farthest any fact of this timeline reaches, found once per timeline (its arrays are replaced, never grown in place). */
const widest = new WeakMap<Uint8Array, number>();
function slackOf(precisions: Uint8Array): number {
  let found = widest.get(precisions);
  if (found === undefined) {
    found = 0;
    for (let i = 0; i < precisions.length; i++) found = Math.max(found, REACH[precisions[i]!] ?? 0);
    widest.set(precisions, found);
  }
  return found;
}
/** Markers closer than this many pixels are one marker with a count. */
const CLUSTER_PX = 9;

/** Labels follow the zoom: times of day, then days (months and years: `monthTicks`). Midnight ticks name the day. */
const tickLabel = (ms: number, step: number, timeZone: string) => {
  const wall = formatClock(ms, timeZone);
  return step < DAY && wall !== '00:00' ? wall : formatDay(ms, timeZone, false);
};

/**
 * Ticks on round wall-clock times in the display zone (midnight, 06:00...), not in UTC, about
 * 110 px apart; zoomed out, on the first of a month ("Jan 2024"), or of a year ("2025").
 */
export function axisTicks(start: number, end: number, width: number, timeZone: string): { t: number; label: string }[] {
  const most = Math.max(4, width / 110);
  const step = STEPS.find((s) => (end - start) / s <= most);
  if (step === undefined) return monthTicks(start, end, most, timeZone);
  const shift = offsetAt(start, timeZone);
  const ticks: { t: number; label: string }[] = [];
  for (let t = Math.ceil((start + shift) / step) * step - shift; t <= end && ticks.length < 200; t += step) ticks.push({ t, label: tickLabel(t, step, timeZone) });
  return ticks;
}

function monthTicks(start: number, end: number, most: number, timeZone: string): { t: number; label: string }[] {
  const months = MONTH_STEPS.find((m) => (end - start) / (m * AVERAGE_MONTH) <= most) ?? MONTH_STEPS[MONTH_STEPS.length - 1]!;
  const { year, month } = partsOf(start, timeZone);
  const ticks: { t: number; label: string }[] = [];
  // Months counted from year 0, so that steps line up with the calendar (quarters, whole years).
  // From numbers, not text: a year past 9999 or before 1 AD is no "YYYY-MM-DD" (as text it was NaN, and the loop never ended).
  for (let index = Math.ceil((year * 12 + month - 1) / months) * months; ticks.length < 200; index += months) {
    const y = Math.floor(index / 12);
    const t = wallToEpoch(utcEpoch(y, (((index % 12) + 12) % 12) + 1, 1), timeZone);
    if (!(t <= end)) break;
    if (t >= start) ticks.push({ t, label: months >= 12 ? formatYear(t, timeZone) : formatShortMonth(t, timeZone) });
  }
  return ticks;
}

/**
 * Where each entry's period is reckoned: its own zone (a TimelineView's `zones` and `zoneNames`),
 * since a fact known only to the day is that day where its source gave it; or one zone for all.
 */
export type EntryZones = string | { zones: Uint16Array; zoneNames: readonly string[] };
export const zoneOf = (z: EntryZones, i: number) => (typeof z === 'string' ? z : (z.zoneNames[z.zones[i]!] ?? 'UTC'));

/** Where the moment goes when an event is picked: its instant, or the end of its day (then the state certainly includes it). */
export function momentOfEvent(time: number, precisionCode: number, timeZone: string): number {
  const precision = PRECISIONS[precisionCode] ?? 'minute';
  return isCoarse(precision) ? periodOf(time, precision, timeZone)[1] - 1 : time;
}

/**
 * The next (or previous) moment after `value` at which some event's state is certain. A target
 * lies within its period's reach (a day, a month or a year, and a DST hour) of its event's time, so
 * the scans stop as soon as no later (or earlier) event can beat the best target found. Undefined: none.
 */
export function stepTarget(times: Float64Array, precisions: Uint8Array, value: number, direction: 1 | -1, zones: EntryZones): number | undefined {
  const targetOf = (i: number) => momentOfEvent(times[i]!, precisions[i]!, zoneOf(zones, i));
  const slack = slackOf(precisions);
  if (direction > 0) {
    let best = Infinity;
    for (let i = upperBound(times, value - slack); i < times.length && times[i]! <= best; i++) {
      // An event at or before the moment is a target only if its period reaches past it (cheap to rule out, without a date format).
      if (times[i]! <= value && times[i]! + REACH[precisions[i]!]! <= value) continue;
      const target = targetOf(i);
      if (target > value) best = Math.min(best, target);
    }
    return best < Infinity ? best : undefined;
  }
  let best = -Infinity;
  for (let i = Math.min(times.length, upperBound(times, value)) - 1; i >= 0 && times[i]! + slack >= best; i--) {
    // Its target is at most its time and its reach: below the best found, it cannot beat it (cheap to rule out).
    if (times[i]! + REACH[precisions[i]!]! <= best) continue;
    const target = targetOf(i);
    if (target < value) best = Math.max(best, target);
  }
  return best > -Infinity ? best : undefined;
}

/**
 * The last moment at which an event becomes certain: the last event (at the end of its day, if that
 * is all the log knows of its time), or later, an earlier fact's month or year. Undefined: no events.
 */
export function storyEndOf(times: Float64Array, precisions: Uint8Array, zones: EntryZones): number | undefined {
  const n = times.length;
  if (!n) return undefined;
  let end = momentOfEvent(times[n - 1]!, precisions[n - 1]!, zoneOf(zones, n - 1));
  for (let later = stepTarget(times, precisions, end, 1, zones); later !== undefined; later = stepTarget(times, precisions, end, 1, zones)) end = later;
  return end;
}

export interface MarkerGroup {
  key: string;
  from: number;
  to: number;
  positions: number[];
  band: boolean;
  /** A band's period is reckoned in this zone (its fact's own), and named there. */
  zone?: string;
}

/**
 * The markers in the view `[start, end]` drawn `width` px wide: instants within a few pixels of each
 * other are one group, a day-precision fact is a band across its day. `groups` is null when more
 * events than can be told apart are in view; `count` says how many are.
 */
export function groupMarkers(times: Float64Array, precisions: Uint8Array, start: number, end: number, width: number, zones: EntryZones): { groups: MarkerGroup[] | null; count: number } {
  // Facts recorded before the view whose period (a day, a month, a year) may reach into it, told apart without a date format.
  const first = lowerBound(times, start);
  const reaching: number[] = [];
  for (let i = upperBound(times, start - slackOf(precisions)); i < first; i++) if (times[i]! + REACH[precisions[i]!]! >= start) reaching.push(i);
  const to = upperBound(times, end);
  const count = to - first + reaching.length;
  if (count > MAX_MARKERS) return { groups: null, count };
  const position = (t: number) => ((t - start) / (end - start)) * width;
  const byKey = new Map<string, MarkerGroup>();
  const add = (i: number) => {
    const precision = PRECISIONS[precisions[i]!] ?? 'minute';
    let key: string;
    let fresh: MarkerGroup;
    if (isCoarse(precision)) {
      const zone = zoneOf(zones, i);
      const [a, b] = periodOf(times[i]!, precision, zone);
      if (b <= start || a > end) return;
      key = `band-${precision}-${a}-${zone}`;
      fresh = { key, from: a, to: b, positions: [], band: true, zone };
    } else {
      key = `m-${Math.round(position(times[i]!) / CLUSTER_PX)}`;
      fresh = { key, from: times[i]!, to: times[i]!, positions: [], band: false };
    }
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = fresh));
    group.positions.push(i);
  };
  reaching.forEach(add);
  for (let i = first; i < to; i++) add(i);
  return { groups: [...byKey.values()], count };
}

/** What a group's tooltip says: how many events, of which kinds, when (a band: "some time on" its day, "in" its month or year). */
export function describeGroup(group: MarkerGroup, kinds: Uint8Array, precisions: Uint8Array, timeZone: string): string {
  const kindsIn = [...new Set(group.positions.map((p) => kindLabel[KINDS[kinds[p]!]!]))].join(', ');
  const when = group.band ? `some time ${formatPeriod(group.from, PRECISIONS[precisions[group.positions[0]!]!]!, group.zone ?? timeZone)}` : formatInstant(group.from, timeZone);
  return `${group.positions.length} event${group.positions.length === 1 ? '' : 's'} (${kindsIn}), ${when}`;
}
