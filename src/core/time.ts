/** Effective and recorded times as epoch milliseconds, and their display with honest precision. */
import type { Precision } from './event';

/** Parses an RFC 3339 instant; throws on anything Date cannot read, so callers never get NaN. */
export function toEpoch(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not a date-time: ${iso}`);
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
