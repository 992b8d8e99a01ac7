/** Effective and recorded times as epoch milliseconds, and their display with honest precision. */
import type { Precision } from './event';

const digits = (s: string, from: number, count: number): number => {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
};

/**
 * Epoch milliseconds of a UTC calendar date and time (month 1-12; days, hours and the rest roll
 * over as Date.UTC's do). Not Date.UTC itself: it reads years 0-99 as 1900-1999, so an event dated
 * 0050 would take effect in 1950. Proleptic Gregorian days from the civil date, after Howard
 * Hinnant's days_from_civil: eras of 400 years, each year counted from March so leap days come last.
 */
export function utcEpoch(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + ms;
}

/**
 * The common shape `YYYY-MM-DDTHH:MM:SS[.fff]Z|±HH:MM`, read without Date.parse: opening a log
 * reads one per record, and this is several times faster. Anything else returns NaN.
 */
function parseRfc3339(s: string): number {
  if (s.length < 20 || s.charCodeAt(10) !== 84 /* T */) return NaN;
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46 /* . */) {
    let scale = 100;
    for (i += 1; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++, scale /= 10) ms += (s.charCodeAt(i) - 48) * scale;
  }
  let offset = 0;
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */ && i + 1 === s.length) offset = 0;
  else if ((zone === 43 || zone === 45) && i + 6 === s.length) offset = (zone === 45 ? -1 : 1) * (digits(s, i + 1, 2) * 60 + digits(s, i + 4, 2));
  else return NaN;
  const [month, day, hour, minute, second] = [digits(s, 5, 2), digits(s, 8, 2), digits(s, 11, 2), digits(s, 14, 2), digits(s, 17, 2)];
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23 && minute <= 59 && second <= 60)) return NaN;
  return utcEpoch(digits(s, 0, 4), month, day, hour, minute, second, Math.floor(ms)) - offset * 60_000;
}

/** An explicit offset at the end: without one, `Date.parse` reads a time in the zone of the machine reading it. */
const ENDS_IN_OFFSET = /(?:[Zz]|[+-]\d\d:\d\d)$/;

/** The instant an RFC 3339 time names, or NaN for anything else: for checks that leave a bad time to its own field's message. */
export function instantOf(iso: string): number {
  const fast = parseRfc3339(iso);
  return Number.isNaN(fast) && ENDS_IN_OFFSET.test(iso) ? Date.parse(iso) : fast;
}

/** Parses an RFC 3339 instant; throws on anything it cannot read, so callers never get NaN. */
export function toEpoch(iso: string): number {
  if (typeof iso !== 'string') throw new RangeError(`not a date-time: ${JSON.stringify(iso)}`);
  const ms = instantOf(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${JSON.stringify(iso)}`);
  return ms;
}

/** A canonical UTC form of an instant, so that the same moment always prints the same way. */
export const toUtcIso = (iso: string): string => new Date(toEpoch(iso)).toISOString();

const fields: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric' },
  month: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'short', day: 'numeric' },
  hour: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric' },
  minute: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  second: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' },
};

/** "Nov 17, 2023, 12:00 PM PST": only as precise as the source, in the event's own time zone. */
export function formatMoment(iso: string, precision: Precision, timeZone: string, locale = 'en-US'): string {
  const options: Intl.DateTimeFormatOptions = { ...fields[precision], timeZone };
  if (precision !== 'day' && precision !== 'month' && precision !== 'year') options.timeZoneName = 'short';
  return new Intl.DateTimeFormat(locale, options).format(toEpoch(iso));
}
