/** Display helpers: times in a chosen IANA zone, with weekdays, only as precise as the fact. */
import type { Precision } from '../core/event';
import type { Moment } from '../core/state';
import { toEpoch, utcEpoch } from '../core/time';
import { cached, isMonthOrYear, offsetAt, partsOf, wallToEpoch } from '../core/period';

export { isCoarse, isMonthOrYear, offsetAt, periodOf } from '../core/period';

const zoneFormat = cached((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }));

/**
 * The same wall-clock time `days` calendar days on in `timeZone` (milliseconds kept): across a change
 * of clocks a day is 23 or 25 hours, and 24 would leave the end of a day for the next day's first hour.
 */
export const addCalendarDays = (ms: number, days: number, timeZone: string) => wallToEpoch(ms + offsetAt(ms, timeZone) + days * 86_400_000, timeZone);

/** "2023-11-18T12:00" (or "2023-11-18 12:00", with seconds, an offset such as " -05:00", or a date alone) read as wall time in `timeZone`, as epoch milliseconds (NaN if unreadable). */
export function zonedToEpoch(local: string, timeZone: string): number {
  const m = /^\s*(\d{4}|[+-]\d{6})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?: ([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?)?\s*$/.exec(local);
  if (!m) return NaN;
  const [month, day, hour, minute, second] = [+m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return NaN;
  const wall = utcEpoch(+m[1]!, month, day, hour, minute, second);
  // Past the range of a Date (about 271,821 BC to 275,760 AD), with a day to spare for the zone's offsets.
  if (Math.abs(wall) > 8.64e15 - 86_400_000) return NaN;
  // An offset names one of the two moments of an hour a clock turned back repeats (see epochToZonedExact).
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (+m[9]! * 3_600_000 + +m[10]! * 60_000 + +(m[11] ?? 0) * 1000) : undefined;
  return (offset === undefined ? wallToEpoch(wall, timeZone) : wall - offset) + +(m[7] ?? '').padEnd(3, '0');
}

/** Epoch milliseconds as "2023-11-18T12:00" in `timeZone`. */
export const epochToZoned = (ms: number, timeZone: string): string => wallText(partsOf(ms, timeZone));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
// A year outside 0000-9999 in ISO 8601's expanded form ("+010000", "-000001"), which reads back.
const yearText = (year: number) => (year >= 0 && year <= 9999 ? pad(year, 4) : `${year < 0 ? '-' : '+'}${pad(Math.abs(year), 6)}`);
const wallText = (p: ReturnType<typeof partsOf>) => `${yearText(p.year)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;

/**
 * Epoch milliseconds as "2023-11-18T12:00" in `timeZone`, with the seconds (and milliseconds) when
 * the moment has them: the end of a day, where going to a fact known only to the day lands, is
 * 23:59:59.999, and "23:59" typed back would be a moment before a record made at 23:59:30.
 */
export function epochToZonedExact(ms: number, timeZone: string): string {
  const wall = partsOf(ms, timeZone);
  const milli = ((ms % 1000) + 1000) % 1000;
  const text = `${wallText(wall)}${wall.second || milli ? `:${pad(wall.second)}` : ''}${milli ? `.${pad(milli, 3)}` : ''}`;
  if (zonedToEpoch(text, timeZone) === ms) return text;
  // The wall time of an hour a clock turned back repeats names the other of its two moments: the offset says which.
  const offset = offsetAt(ms, timeZone) / 1000;
  const [h, mi, s] = [Math.floor(Math.abs(offset) / 3600), Math.floor(Math.abs(offset) / 60) % 60, Math.abs(offset) % 60];
  return `${text} ${offset < 0 ? '-' : '+'}${pad(h)}:${pad(mi)}${s ? `:${pad(s)}` : ''}`;
}

/** The short name of a zone: "PST", "CET". */
export const zoneName = (ms: number, timeZone: string) =>
  zoneFormat(timeZone).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;

/**
 * A format that shows a year, with its era: Intl numbers 1 BC "1" and 2 BC "2", which read as years
 * 1 and 2 AD. `withEraBC` says the era only before 1 AD.
 */
const withYear = (options: Intl.DateTimeFormatOptions) => cached((timeZone) => new Intl.DateTimeFormat('en-GB', { timeZone, ...options, year: 'numeric', era: 'short' }));

/** The parts of `format`'s text for `ms`, the era (with the space before it, en-GB puts it last) left out after 1 BC: "1 BC", "2023". */
function withEraBC(format: Intl.DateTimeFormat, ms: number): Intl.DateTimeFormatPart[] {
  const parts = format.formatToParts(ms);
  return parts.at(-1)?.type === 'era' && parts.at(-1)!.value !== 'BC' ? parts.slice(0, -2) : parts;
}
const textOf = (parts: Intl.DateTimeFormatPart[]) => parts.map((p) => p.value).join('');

const dayFormat = withYear({ weekday: 'short', day: 'numeric', month: 'short' });
const dayParts = (ms: number, timeZone: string) => {
  const parts = withEraBC(dayFormat(timeZone), ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: get('weekday'), day: get('day'), month: get('month'), year: textOf(parts.slice(parts.findIndex((p) => p.type === 'year'))) };
};

/** "Sun 19 Nov 2023" (or "Sun 19 Nov" without the year). */
export function formatDay(ms: number, timeZone: string, withYear = true): string {
  const p = dayParts(ms, timeZone);
  return `${p.weekday} ${p.day} ${p.month}${withYear ? ` ${p.year}` : ''}`;
}

/**
 * Instants already written out: each step of the scrubber renders the same rows' times again, and
 * writing one out takes three `formatToParts` (about 2 ms a step at 100k). Emptied when it grows large.
 */
const instants = new Map<string, string>();
const INSTANTS_KEPT = 10_000;

/** "Sun 19 Nov 2023, 21:00 PST": an instant in `timeZone`, to the minute (the scrubber's reading). */
export function formatInstant(ms: number, timeZone: string, withYear = true): string {
  const key = `${timeZone} ${ms} ${withYear}`;
  let text = instants.get(key);
  if (text === undefined) {
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instants.set(key, (text = writeInstant(ms, timeZone, withYear)));
  }
  return text;
}

function writeInstant(ms: number, timeZone: string, withYear: boolean): string {
  const p = partsOf(ms, timeZone);
  return `${formatDay(ms, timeZone, withYear)}, ${pad(p.hour)}:${pad(p.minute)} ${zoneName(ms, timeZone)}`;
}

const yearFormat = withYear({});
const monthFormat = withYear({ month: 'long' });

const clockFormat = cached((timeZone) => new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }));
const shortMonthFormat = withYear({ month: 'short' });
/** "21:00": the wall clock in `timeZone`. */
export const formatClock = (ms: number, timeZone: string) => clockFormat(timeZone).format(ms);
/** "Nov 2023". */
export const formatShortMonth = (ms: number, timeZone: string) => textOf(withEraBC(shortMonthFormat(timeZone), ms));
/** "2023", "1 BC". */
export const formatYear = (ms: number, timeZone: string) => textOf(withEraBC(yearFormat(timeZone), ms));

/**
 * A time as precise as its source and no more: "Sun 19 Nov 2023", "May 2022", "Fri 17 Nov 2023,
 * 12:00 PST", and "Fri 17 Nov 2023, 12:00 PST, to the hour": said after a comma, not in
 * parentheses, since the time itself is often given in parentheses ("left it (removed, ...)").
 */
export function formatAt(ms: number, precision: Precision, timeZone: string): string {
  if (precision === 'year') return formatYear(ms, timeZone);
  if (precision === 'month') return textOf(withEraBC(monthFormat(timeZone), ms));
  if (precision === 'day') return formatDay(ms, timeZone);
  const text = formatInstant(ms, timeZone);
  return precision === 'hour' ? `${text}, to the hour` : text;
}

/**
 * The preposition a period takes, with the period as precise as the fact: "on Sun 19 Nov 2023",
 * "in May 2022", "in 2022" ("on May 2022" would read as a day the log does not know).
 */
export function formatPeriod(ms: number, precision: Precision, timeZone: string): string {
  return `${isMonthOrYear(precision) ? 'in' : 'on'} ${formatAt(ms, precision, timeZone)}`;
}

/** A fact's time as its source gave it (precision and zone kept). */
export const formatFactTime = (moment: Moment) => formatAt(toEpoch(moment.time), moment.precision, moment.timezone);

/** "10 h before", "3 days before", "just before". */
export function formatElapsed(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'at this moment';
  if (minutes < 60) return `${minutes} min before`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h before`;
  const days = Math.round(hours / 24);
  if (days < 60) return `${days} days before`;
  return `${Math.round(days / 30.4)} months before`;
}

/** A file-name stamp in the company's zone: "2023-11-18T1200-PST". */
export const fileStamp = (ms: number, timeZone: string) => `${epochToZoned(ms, timeZone).replace(':', '')}-${zoneName(ms, timeZone).replace(/[^\w+-]/g, '')}`;

/** A file's size as read on screen and heard: a tenth of a megabyte under 10 MB, whole ones above. */
export const formatMegabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString(undefined, { maximumFractionDigits: bytes < 1e7 ? 1 : 0 })} MB`;
