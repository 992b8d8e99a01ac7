/** Display helpers: times in a chosen IANA zone, and short labels. */
import type { Moment } from '../core/state';
import { formatMoment, utcEpoch } from '../core/time';

const partsOf = (ms: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
};

/** Milliseconds to add to UTC to get wall time in `timeZone` at instant `ms`. */
export const offsetAt = (ms: number, timeZone: string) => {
  const p = partsOf(ms, timeZone);
  return utcEpoch(p.year, p.month, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
};

/** "2023-11-18T12:00" read as wall time in `timeZone`, as epoch milliseconds (NaN if unreadable). */
export function zonedToEpoch(local: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m || +m[2]! < 1 || +m[2]! > 12) return NaN;
  const wall = utcEpoch(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
}

/** Epoch milliseconds as the value of a datetime-local input, in `timeZone`. */
export function epochToZoned(ms: number, timeZone: string): string {
  const p = partsOf(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** An instant in `timeZone`, to the minute: the scrubber's own reading. */
export const formatInstant = (ms: number, timeZone: string) => formatMoment(new Date(ms).toISOString(), 'minute', timeZone);

/** A fact's time as its source gave it (precision and zone kept). */
export const formatFactTime = (moment: Moment) => formatMoment(moment.time, moment.precision, moment.timezone);

/** The short name of a zone: "PST", "CET". */
export const zoneName = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
