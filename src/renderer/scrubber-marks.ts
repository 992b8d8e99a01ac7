/**
 * What the scrubber draws and where its steps land, as plain functions of the timeline: axis ticks
 * on round wall-clock times, markers grouped where they cannot be told apart, day-precision facts
 * as bands, and the next or previous moment at which the state certainly includes an event.
 */
import { upperBound } from '../core/search';
import { formatAt, formatClock, formatDay, formatInstant, formatShortMonth, isCoarse, offsetAt, periodOf } from './format';
import { KINDS, kindLabel } from './kinds';
import { PRECISIONS } from './replay-protocol';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];
/** More markers than this in view are not drawn one by one: the density strip shows where events are. */
const MAX_MARKERS = 600;
/** How far a day-precision fact's band reaches from its recorded instant: a day and a DST hour. */
const SLACK = DAY + 2 * HOUR;
/** Markers closer than this many pixels are one marker with a count. */
const CLUSTER_PX = 9;

/** Labels follow the zoom: times of day, then days, then months. Midnight ticks name the day. */
const tickLabel = (ms: number, step: number, timeZone: string) => {
  const wall = formatClock(ms, timeZone);
  if (step < DAY && wall !== '00:00') return wall;
  if (step < 30 * DAY) return formatDay(ms, timeZone, false);
  return formatShortMonth(ms, timeZone);
};

/** Ticks on round wall-clock times in the display zone (midnight, 06:00...), not in UTC, about 110 px apart. */
export function axisTicks(start: number, end: number, width: number, timeZone: string): { t: number; label: string }[] {
  const step = STEPS.find((s) => (end - start) / s <= Math.max(4, width / 110)) ?? STEPS[STEPS.length - 1]!;
  const shift = offsetAt(start, timeZone);
  const ticks: { t: number; label: string }[] = [];
  for (let t = Math.ceil((start + shift) / step) * step - shift; t <= end && ticks.length < 200; t += step) ticks.push({ t, label: tickLabel(t, step, timeZone) });
  return ticks;
}

/** Where the moment goes when an event is picked: its instant, or the end of its day (then the state certainly includes it). */
export function momentOfEvent(time: number, precisionCode: number, timeZone: string): number {
  const precision = PRECISIONS[precisionCode] ?? 'minute';
  return isCoarse(precision) ? periodOf(time, precision, timeZone)[1] - 1 : time;
}

/**
 * The next (or previous) moment after `value` at which some event's state is certain. A target
 * lies within a day (and a DST hour) of its event's time, so the scans stop as soon as no later
 * (or earlier) event can beat the best target found, whatever the log's size. Undefined: none.
 */
export function stepTarget(times: Float64Array, precisions: Uint8Array, value: number, direction: 1 | -1, timeZone: string): number | undefined {
  const targetOf = (i: number) => momentOfEvent(times[i]!, precisions[i]!, timeZone);
  if (direction > 0) {
    let best = Infinity;
    for (let i = upperBound(times, value - SLACK); i < times.length && times[i]! <= best; i++) {
      const target = targetOf(i);
      if (target > value) best = Math.min(best, target);
    }
    return best < Infinity ? best : undefined;
  }
  let best = -Infinity;
  for (let i = Math.min(times.length, upperBound(times, value)) - 1; i >= 0 && times[i]! + SLACK >= best; i--) {
    const target = targetOf(i);
    if (target < value) best = Math.max(best, target);
  }
  return best > -Infinity ? best : undefined;
}

export interface MarkerGroup {
  key: string;
  from: number;
  to: number;
  positions: number[];
  band: boolean;
}

/**
 * The markers in the view `[start, end]` drawn `width` px wide: instants within a few pixels of each
 * other are one group, a day-precision fact is a band across its day. `groups` is null when more
 * events than can be told apart are in view; `count` says how many are.
 */
export function groupMarkers(times: Float64Array, precisions: Uint8Array, start: number, end: number, width: number, timeZone: string): { groups: MarkerGroup[] | null; count: number } {
  const from = upperBound(times, start - SLACK);
  const to = upperBound(times, end);
  if (to - from > MAX_MARKERS) return { groups: null, count: to - from };
  const position = (t: number) => ((t - start) / (end - start)) * width;
  const byKey = new Map<string, MarkerGroup>();
  for (let i = from; i < to; i++) {
    const precision = PRECISIONS[precisions[i]!] ?? 'minute';
    let key: string;
    let fresh: MarkerGroup;
    if (isCoarse(precision)) {
      const [a, b] = periodOf(times[i]!, precision, timeZone);
      if (b < start || a > end) continue;
      key = `band-${precision}-${a}`;
      fresh = { key, from: a, to: b, positions: [], band: true };
    } else {
      if (times[i]! < start) continue;
      key = `m-${Math.round(position(times[i]!) / CLUSTER_PX)}`;
      fresh = { key, from: times[i]!, to: times[i]!, positions: [], band: false };
    }
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = fresh));
    group.positions.push(i);
  }
  return { groups: [...byKey.values()], count: to - from };
}

/** What a group's tooltip says: how many events, of which kinds, when (a band: "some time on" its day). */
export function describeGroup(group: MarkerGroup, kinds: Uint8Array, precisions: Uint8Array, timeZone: string): string {
  const kindsIn = [...new Set(group.positions.map((p) => kindLabel[KINDS[kinds[p]!]!]))].join(', ');
  const when = group.band ? `some time on ${formatAt(group.from, PRECISIONS[precisions[group.positions[0]!]!]!, timeZone)}` : formatInstant(group.from, timeZone);
  return `${group.positions.length} event${group.positions.length === 1 ? '' : 's'} (${kindsIn}), ${when}`;
}
