/**
 * A log records what has happened: no event is dated after the moment it is recorded. A time is
 * read at its precision, so "December 2026" (month) recorded on 4 December is already under way and
 * is taken; only a time whose earliest possible instant is still to come is refused.
 */
import type { EventDraft, Precision } from './event';
import { momentOfFact, type FactMoment } from './fact-moment';
import { formatMoment, instantOf, utcEpoch } from './time';
import { minutesOf, offsetAt } from './zone';

/** How many of an RFC 3339 time's leading wall-clock fields each precision keeps (year, month, day, hour, minute, second). */
const FIELDS: Record<Precision, number> = { year: 1, month: 2, day: 3, hour: 4, minute: 5, second: 6 };

/**
 * The first instant of the period `time` names at `precision` in `zone`: "2023-11-22T15:00-08:00"
 * known to the day starts at midnight that day there. The time's own fields are its wall clock in
 * the zone (its offset is checked against the zone on the way in), so the period is cut from them,
 * then placed with the zone's offset at that wall time (which may differ across a change of clocks).
 */
export function periodStart(time: string, precision: Precision, zone: string): number {
  const wall = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?/.exec(time);
  if (!wall) return Date.parse(time);
  const kept = wall.slice(1, 7).map((field, i) => (i < FIELDS[precision] ? Number(field ?? 0) : i === 1 || i === 2 ? 1 : 0));
  // Not Date.UTC, which reads years 0-99 as 1900-1999.
  const asUtc = utcEpoch(kept[0]!, kept[1]!, kept[2]!, kept[3]!, kept[4]!, kept[5]!);
  const offsetNear = (epoch: number) => minutesOf(offsetAt(zone, epoch) ?? '+00:00') * 60_000;
  // The wall clock read with the offset the zone has a day before, and a day after: one reading, or
  // two across a change of clocks. A reading is right when the zone has its offset at the instant
  // it gives. Of two right ones (clocks going back repeat the wall clock), the first is the
  // earliest the period can mean; of none (clocks going forward skip it), the earlier is taken.
  const readings = [DAY_MS, -DAY_MS].map((step) => asUtc - offsetNear(asUtc - step));
  const right = readings.filter((epoch) => asUtc - offsetNear(epoch) === epoch);
  return Math.min(...(right.length > 0 ? right : readings));
}

const DAY_MS = 86_400_000;

/** Why an event dated `time` cannot be recorded at `recordedAt` (epoch ms), or undefined when it can. */
export function futureTimeProblem(time: string, precision: Precision, zone: string, recordedAt: number): string | undefined {
  // The instant written lies inside its period, so one not after `recordedAt` needs no calendar.
  if (instantOf(time) <= recordedAt || periodStart(time, precision, zone) <= recordedAt) return undefined;
  return `${formatMoment(time, precision, zone)} is after the moment this event is recorded (${recordedIn(recordedAt, zone)}): a log records what has happened. Record a change once it has taken effect; what is announced for later is a statement.made (or an agreement.reached) now`;
}

/** The moment of recording on the zone's clock, where the event's day is counted, and in UTC as the log stamps it. */
function recordedIn(recordedAt: number, zone: string): string {
  const iso = new Date(recordedAt).toISOString();
  return `${formatMoment(iso, 'minute', zone)}, ${iso}`;
}

/**
 * Why a correction leaves its fact still to come at `recordedAt`, by a new time or only a finer
 * precision ("the day" made "23:00"), with the field at fault; undefined when it does not. `find`
 * gives the events before it by id: the fact, as corrected so far, or corrections to follow to it.
 */
export function correctionFutureProblem(correction: EventDraft, find: (id: string) => (FactMoment & { type: string; data?: unknown }) | undefined, recordedAt: number): { field: string; message: string } | undefined {
  if (correction.type !== 'event.corrected' || !correction.id || (!correction.data.time && !correction.data.timeprecision)) return undefined;
  const moment = momentOfFact((id) => (id === correction.id ? correction : find(id)), correction.id);
  const message = moment && futureTimeProblem(moment.time, moment.timeprecision, moment.timezone, recordedAt);
  return message ? { field: correction.data.time ? 'data.time' : 'data.timeprecision', message } : undefined;
}
