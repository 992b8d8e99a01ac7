/**
 * Why a text is not an RFC 3339 date-time with an offset, as plainly as can be said: the shape
 * alone ("must be an RFC 3339 date-time with an offset") sent a user who wrote 2024-02-30 looking
 * for a fault in the offset, which was there.
 */
import { utcEpoch } from './time';

const GENERAL = 'must be an RFC 3339 date-time with an offset, e.g. 2023-11-17T12:00:00-08:00';
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month, by the calendar the app reckons every time with (`utcEpoch`: proleptic Gregorian). */
export const daysIn = (year: number, month: number) => (utcEpoch(year, month + 1, 1) - utcEpoch(year, month, 1)) / 86_400_000;

export function dateTimeProblem(value: unknown): string {
  if (typeof value !== 'string') return GENERAL;
  // RFC 3339 allows a small t and z; a log's times are written with capitals (a query's are read either way).
  const upper = value.toUpperCase();
  if (upper !== value && SHAPE.test(upper)) return `${GENERAL}: write its T and Z as capitals`;
  if (WITHOUT_OFFSET.test(upper)) return `${GENERAL}: it has none (Z for UTC, or the local one, such as -08:00)`;
  const parts = SHAPE.exec(value);
  if (!parts) return GENERAL;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = [1, 2, 3, 4, 5, 6, 8, 9].map((i) => Number(parts[i] ?? 0));
  if (month < 1 || month > 12) return `${GENERAL}: there is no month ${parts[2]}`;
  if (day < 1 || day > daysIn(year, month)) return `${GENERAL}: ${MONTHS[month - 1]} ${parts[1]} has no day ${parts[3]}`;
  // RFC 3339 allows a leap second; the app's times (milliseconds since the epoch, as JavaScript's) have none.
  if (hour <= 23 && minute <= 59 && second === 60) return `${GENERAL}: a leap second (:60) cannot be recorded; write :59 instead`;
  if (hour > 23 || minute > 59 || second > 59) return `${GENERAL}: there is no time ${parts[4]}:${parts[5]}${parts[6] === undefined ? '' : `:${parts[6]}`} in a day`;
  if (offsetHours > 23 || offsetMinutes > 59) return `${GENERAL}: there is no offset ${parts[7]}`;
  return GENERAL;
}
