import { describe, expect, it } from 'vitest';
import { futureTimeProblem, periodStart } from './future-time';

const at = (iso: string) => Date.parse(iso);

describe('periodStart: the first instant a time can mean at its precision, in its zone', () => {
  it('cuts the wall clock the time is written in', () => {
    const time = '2023-11-22T15:42:17-08:00';
    const zone = 'America/Los_Angeles';
    expect(periodStart(time, 'second', zone)).toBe(at('2023-11-22T15:42:17-08:00'));
    expect(periodStart(time, 'minute', zone)).toBe(at('2023-11-22T15:42:00-08:00'));
    expect(periodStart(time, 'hour', zone)).toBe(at('2023-11-22T15:00:00-08:00'));
    expect(periodStart(time, 'day', zone)).toBe(at('2023-11-22T00:00:00-08:00'));
    expect(periodStart(time, 'year', zone)).toBe(at('2023-01-01T00:00:00-08:00'));
  });

  it('reads a year before 100 as that year, not as one in the 1900s', () => {
    expect(periodStart('0050-06-15T12:00:00Z', 'year', 'UTC')).toBe(at('0050-01-01T00:00:00Z'));
    expect(periodStart('0000-02-29T12:00:00Z', 'day', 'UTC')).toBe(at('0000-02-29T00:00:00Z'));
  });

  it('places the start with the offset the zone had then, across a change of clocks', () => {
    // November in Los Angeles begins in summer time (-07:00) and this time is in winter time (-08:00).
    expect(periodStart('2023-11-22T12:00:00-08:00', 'month', 'America/Los_Angeles')).toBe(at('2023-11-01T00:00:00-07:00'));
    // March begins in winter time; the 20th is in summer time.
    expect(periodStart('2024-03-20T12:00:00-07:00', 'month', 'America/Los_Angeles')).toBe(at('2024-03-01T00:00:00-08:00'));
    expect(periodStart('2023-11-22T12:00:00+05:30', 'day', 'Asia/Kolkata')).toBe(at('2023-11-22T00:00:00+05:30'));
    expect(periodStart('2023-11-22T12:00:00Z', 'day', 'UTC')).toBe(at('2023-11-22T00:00:00Z'));
  });

  it('starts a wall-clock hour that clocks going back repeat at its first occurrence, east of UTC as west', () => {
    // Berlin, 25 October 2026: 03:00 summer time becomes 02:00 winter time, so 02:00-02:59 comes twice.
    expect(periodStart('2026-10-25T02:30:00+02:00', 'hour', 'Europe/Berlin')).toBe(at('2026-10-25T02:00:00+02:00'));
    expect(periodStart('2026-10-25T02:30:00+01:00', 'hour', 'Europe/Berlin')).toBe(at('2026-10-25T02:00:00+02:00'));
    expect(periodStart('2026-11-01T01:30:00-07:00', 'hour', 'America/Los_Angeles')).toBe(at('2026-11-01T01:00:00-07:00'));
    // Recorded at 02:20 summer time, the hour of an event at 02:30 summer time is under way.
    expect(futureTimeProblem('2026-10-25T02:30:00+02:00', 'hour', 'Europe/Berlin', at('2026-10-25T02:20:00+02:00'))).toBeUndefined();
    expect(futureTimeProblem('2026-10-25T02:35:50+02:00', 'minute', 'Europe/Berlin', at('2026-10-25T02:35:30+02:00'))).toBeUndefined();
    // Cairo goes back at midnight: 23:00-23:59 on 29 October 2026 comes twice.
    expect(periodStart('2026-10-29T23:30:00+03:00', 'hour', 'Africa/Cairo')).toBe(at('2026-10-29T23:00:00+03:00'));
    // Days, and the hours around a change, are unmoved.
    expect(periodStart('2026-10-25T12:00:00+01:00', 'day', 'Europe/Berlin')).toBe(at('2026-10-25T00:00:00+02:00'));
    expect(periodStart('2026-03-29T12:00:00+02:00', 'day', 'Europe/Berlin')).toBe(at('2026-03-29T00:00:00+01:00'));
    expect(periodStart('2026-10-25T03:30:00+01:00', 'hour', 'Europe/Berlin')).toBe(at('2026-10-25T03:00:00+01:00'));
    expect(periodStart('2026-10-25T01:30:00+02:00', 'hour', 'Europe/Berlin')).toBe(at('2026-10-25T01:00:00+02:00'));
    // Lord Howe goes back half an hour: 01:30-01:59 comes twice.
    expect(periodStart('2026-04-05T01:45:00+11:00', 'minute', 'Australia/Lord_Howe')).toBe(at('2026-04-05T01:45:00+11:00'));
  });
});

describe('futureTimeProblem: nothing is dated after the moment it is recorded', () => {
  const recorded = at('2026-12-04T09:30:00Z');

  it('takes a time already past, and one whose period is under way', () => {
    expect(futureTimeProblem('2023-11-22T12:00:00-08:00', 'minute', 'America/Los_Angeles', recorded)).toBeUndefined();
    expect(futureTimeProblem('2026-12-04T09:30:00Z', 'second', 'UTC', recorded)).toBeUndefined();
    // Today (known to the day), written at noon, this month, this year: all under way at 09:30.
    expect(futureTimeProblem('2026-12-04T12:00:00Z', 'day', 'UTC', recorded)).toBeUndefined();
    expect(futureTimeProblem('2026-12-15T12:00:00Z', 'month', 'UTC', recorded)).toBeUndefined();
    expect(futureTimeProblem('2026-12-31T12:00:00Z', 'year', 'UTC', recorded)).toBeUndefined();
    // 4 December has begun in Tokyo (18:30 there).
    expect(futureTimeProblem('2026-12-04T23:00:00+09:00', 'day', 'Asia/Tokyo', recorded)).toBeUndefined();
  });

  it('refuses a time still to come, saying when the event is recorded and what to write instead', () => {
    expect(futureTimeProblem('2026-12-04T09:31:00Z', 'minute', 'UTC', recorded)).toMatch(/is after the moment this event is recorded \(Dec 4, 2026, 9:30 AM UTC, 2026-12-04T09:30:00\.000Z\).*statement\.made/);
    expect(futureTimeProblem('2026-12-05T00:00:00Z', 'day', 'UTC', recorded)).toMatch(/^Dec 5, 2026 is after/);
    expect(futureTimeProblem('2027-01-15T12:00:00Z', 'month', 'UTC', recorded)).toMatch(/^January 2027 is after/);
    // 5 December in Tokyo begins at 15:00 UTC on the 4th, still to come at 09:30 UTC.
    expect(futureTimeProblem('2026-12-05T08:00:00+09:00', 'day', 'Asia/Tokyo', recorded)).toBeDefined();
  });

  it('says when the event is recorded on the clock of its zone, where its day may not be UTC\'s', () => {
    // At 09:30 UTC on the 4th it is still the 3rd in Pago Pago: "Dec 4 is after 2026-12-04T09:30Z" alone reads as false.
    expect(futureTimeProblem('2026-12-04T00:00:00-11:00', 'day', 'Pacific/Pago_Pago', recorded)).toMatch(/^Dec 4, 2026 is after the moment this event is recorded \(Dec 3, 2026, 10:30 PM GMT-11, 2026-12-04T09:30:00\.000Z\)/);
  });
});
