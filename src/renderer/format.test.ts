import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, epochToZoned, epochToZonedExact, formatAt, formatInstant, formatMegabytes, formatShortMonth, periodOf, zonedToEpoch } from './format';

describe('wall time in a zone', () => {
  it('reads a datetime-local value as wall time in the zone', () => {
    expect(new Date(zonedToEpoch('2023-11-18T12:00', 'America/Los_Angeles')).toISOString()).toBe('2023-11-18T20:00:00.000Z');
    expect(new Date(zonedToEpoch('2023-07-01T09:30', 'Europe/Paris')).toISOString()).toBe('2023-07-01T07:30:00.000Z');
    expect(Number.isNaN(zonedToEpoch('18 Nov', 'UTC'))).toBe(true);
    // Years before 100 are years before 100, not 1900-1999.
    expect(new Date(zonedToEpoch('0050-06-01T12:00', 'UTC')).toISOString()).toBe('0050-06-01T12:00:00.000Z');
    expect(epochToZoned(Date.parse('0050-06-01T12:00:00Z'), 'UTC')).toBe('0050-06-01T12:00');
  });

  it('round-trips every minute in several zones, across daylight-saving changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 }), fc.constantFrom('America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney', 'UTC'), (minute, zone) => {
        const ms = minute * 60_000;
        const wall = epochToZoned(ms, zone);
        // A wall time repeated when clocks go back maps to one of its two instants; it shows the same.
        expect(epochToZoned(zonedToEpoch(wall, zone), zone)).toBe(wall);
      }),
    );
  });
});

describe('honest dates', () => {
  const LA = 'America/Los_Angeles';
  const sunday9pm = zonedToEpoch('2023-11-19T21:00', LA);
  it('names the weekday and never prints an hour for a day-precision fact', () => {
    expect(formatInstant(sunday9pm, LA)).toBe('Sun 19 Nov 2023, 21:00 PST');
    expect(formatAt(sunday9pm, 'day', LA)).toBe('Sun 19 Nov 2023');
    expect(formatAt(sunday9pm, 'month', LA)).toBe('November 2023');
  });
  it('says a time known to the hour after a comma, so it nests in the parentheses it is often given in', () => {
    expect(formatAt(sunday9pm, 'hour', LA)).toBe('Sun 19 Nov 2023, 21:00 PST, to the hour');
    expect(`(removed, ${formatAt(sunday9pm, 'hour', LA)})`).not.toMatch(/\(.*\(/);
  });
  it('finds the wall-clock day around an instant, in the zone, across a DST change', () => {
    const [from, to] = periodOf(sunday9pm, 'day', LA);
    expect(new Date(from).toISOString()).toBe('2023-11-19T08:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2023-11-20T08:00:00.000Z');
    const [a, b] = periodOf(zonedToEpoch('2023-11-05T12:00', LA), 'day', LA);
    expect((b - a) / 3_600_000).toBe(25);
  });
  it('reads a date with a space or a T, or a date alone', () => {
    expect(zonedToEpoch('2023-11-19 21:00', LA)).toBe(sunday9pm);
    expect(new Date(zonedToEpoch('2023-11-19', LA)).toISOString()).toBe('2023-11-19T08:00:00.000Z');
    expect(Number.isNaN(zonedToEpoch('2023-13-19', LA))).toBe(true);
  });
  it('gives a size in tenths of a megabyte under 10 MB, whole megabytes above', () => {
    expect(formatMegabytes(450_000)).toBe('0.5 MB');
    expect(formatMegabytes(9_940_000)).toBe('9.9 MB');
    expect(formatMegabytes(722_400_000)).toBe('722 MB');
  });
});

describe('a day whose midnight a DST change skips', () => {
  // Chile, Cuba and Paraguay move their clocks at midnight: 3 September 2023 began at 01:00 in Santiago (04:00 UTC).
  it('begins at its first instant, never an hour of the day before', () => {
    const [from, to] = periodOf(Date.parse('2023-09-03T12:00:00-03:00'), 'day', 'America/Santiago');
    expect(new Date(from).toISOString()).toBe('2023-09-03T04:00:00.000Z');
    expect(new Date(to).toISOString()).toBe('2023-09-04T03:00:00.000Z');
    // So the Saturday before it ends at its own midnight, not at 23:00.
    expect(periodOf(Date.parse('2023-09-02T12:00:00-04:00'), 'day', 'America/Santiago')[1]).toBe(from);
    expect(periodOf(Date.parse('2023-03-12T12:00:00-04:00'), 'day', 'America/Havana')[0]).toBe(Date.parse('2023-03-12T05:00:00Z'));
    // A typed midnight that never happened is read as the first instant after the skipped hour.
    expect(formatInstant(zonedToEpoch('2023-09-03T00:00', 'America/Santiago'), 'America/Santiago')).toBe('Sun 3 Sept 2023, 01:00 GMT-3');
  });
  it('every day of a year in such zones starts at 00:00 or, skipped, the first instant after it, on its own date', () => {
    for (const zone of ['America/Santiago', 'America/Havana', 'America/Asuncion', 'Asia/Beirut', 'America/Los_Angeles', 'Europe/London']) {
      for (let day = Date.parse('2023-01-01T12:00:00Z'); day < Date.parse('2024-01-01T00:00:00Z'); day += 86_400_000) {
        const [from, to] = periodOf(day, 'day', zone);
        expect(epochToZoned(from, zone).slice(0, 10), `${zone} ${new Date(day).toISOString()}`).toBe(epochToZoned(day, zone).slice(0, 10));
        expect(epochToZoned(from - 1, zone).slice(0, 10)).not.toBe(epochToZoned(from, zone).slice(0, 10));
        expect(epochToZoned(to - 1, zone).slice(0, 10)).toBe(epochToZoned(day, zone).slice(0, 10));
      }
    }
  });
});

describe('a calendar day on (the scrubber\'s PageUp, "+1 d")', () => {
  it('keeps the wall clock across a change of clocks: the end of Saturday steps to the end of Sunday, not into Monday', () => {
    const zone = 'America/Los_Angeles';
    const endOfSaturday = Date.parse('2024-03-10T08:00:00Z') - 1; // Sat 9 Mar 2024, 23:59:59.999 PST
    expect(addCalendarDays(endOfSaturday, 1, zone)).toBe(Date.parse('2024-03-11T07:00:00Z') - 1); // Sun 10 Mar, 23:59:59.999 PDT
    expect(addCalendarDays(Date.parse('2024-03-11T07:00:00Z') - 1, -1, zone)).toBe(endOfSaturday);
    expect(formatInstant(addCalendarDays(Date.parse('2023-11-04T19:00:00Z'), 1, zone), zone)).toBe('Sun 5 Nov 2023, 12:00 PST');
  });
});

describe('a moment written for the moment field', () => {
  const LA = 'America/Los_Angeles';
  it('has its seconds and milliseconds when it has them, and reads back as the same instant', () => {
    const endOfDay = Date.parse('2023-11-20T07:59:59.999Z'); // Sun 19 Nov, 23:59:59.999 PST
    expect(epochToZonedExact(endOfDay, LA)).toBe('2023-11-19T23:59:59.999');
    expect(epochToZonedExact(Date.parse('2023-11-19T20:30:30Z'), LA)).toBe('2023-11-19T12:30:30');
    expect(epochToZonedExact(Date.parse('2023-11-19T20:30:00Z'), LA)).toBe('2023-11-19T12:30');
    for (const ms of [endOfDay, Date.parse('2023-11-19T20:30:30Z'), Date.parse('2023-11-19T20:30:00.050Z')]) expect(zonedToEpoch(epochToZonedExact(ms, LA), LA)).toBe(ms);
  });

  it('is refused with a second that does not exist, rather than carried into the next minute', () => {
    expect(Number.isNaN(zonedToEpoch('2023-11-19 12:30:75', LA))).toBe(true);
    expect(zonedToEpoch('2023-11-19 12:30:05.5', LA)).toBe(Date.parse('2023-11-19T20:30:05.500Z'));
  });

  it('names the hour a clock turned back repeats by its offset, so either of the two reads back as itself', () => {
    const cases: [string, string, string][] = [
      ['America/New_York', '2023-11-05T06:30:00Z', '2023-11-05T01:30 -05:00'], // the second 01:30 (EST)
      ['Europe/Amsterdam', '2001-10-28T01:32:52.482Z', '2001-10-28T02:32:52.482 +01:00'], // the second 02:32 (CET): a wall time alone names the first, east of Greenwich as west
      ['America/New_York', '1883-11-18T17:02:58Z', '1883-11-18T12:02:58 -05:00'], // EST, after 12:03:58 New York time became 12:00
    ];
    for (const [zone, iso, shown] of cases) {
      expect(epochToZonedExact(Date.parse(iso), zone)).toBe(shown);
      expect(zonedToEpoch(shown, zone)).toBe(Date.parse(iso));
    }
    // The other of the two, and any moment whose wall time names it alone, has no offset.
    expect(epochToZonedExact(Date.parse('2023-11-05T05:30:00Z'), 'America/New_York')).toBe('2023-11-05T01:30');
    expect(epochToZonedExact(Date.parse('2001-10-28T00:32:52.482Z'), 'Europe/Amsterdam')).toBe('2001-10-28T02:32:52.482');
  });
});

describe('the day before 1 January of year 1', () => {
  const LA = 'America/Los_Angeles';
  it('is 31 December 1 BC (year 0), a day back on the wall clock, and said so', () => {
    const firstOfYear1 = zonedToEpoch('0001-01-01T00:00', LA);
    const dayBefore = addCalendarDays(firstOfYear1, -1, LA);
    expect(dayBefore).toBe(firstOfYear1 - 86_400_000);
    expect(epochToZonedExact(dayBefore, LA)).toBe('0000-12-31T00:00');
    expect(zonedToEpoch('0000-12-31T00:00', LA)).toBe(dayBefore);
    expect(formatInstant(dayBefore, LA)).toBe('Sun 31 Dec 1 BC, 00:00 GMT-7:52:58');
    expect(formatInstant(firstOfYear1, LA)).toBe('Mon 1 Jan 1, 00:00 GMT-7:52:58');
  });
});

describe('a year outside 0000-9999', () => {
  it('is written as an expanded ISO year (+010000, -000001) and reads back as itself', () => {
    const LA = 'America/Los_Angeles';
    const lastNoon = zonedToEpoch('9999-12-31T12:00', LA);
    const after = addCalendarDays(lastNoon, 1, LA);
    expect(epochToZonedExact(after, LA)).toBe('+010000-01-01T12:00');
    expect(zonedToEpoch('+010000-01-01T12:00', LA)).toBe(after);
    const before = addCalendarDays(zonedToEpoch('0000-01-01T12:00', LA), -1, LA);
    expect(epochToZonedExact(before, LA)).toBe('-000001-12-31T12:00');
    expect(zonedToEpoch('-000001-12-31T12:00', LA)).toBe(before);
    // Past the range of a Date: not a moment, rather than an error thrown from Intl.
    expect(Number.isNaN(zonedToEpoch('+300000-01-01T00:00', LA))).toBe(true);
  });
});

describe('a month or a year before 1 AD', () => {
  it('is said with its era, as a day is ("November 1 BC"); one after is said bare', () => {
    const nov1BC = new Date(Date.UTC(2000, 10, 5)).setUTCFullYear(0);
    expect(formatAt(nov1BC, 'month', 'UTC')).toBe('November 1 BC');
    expect(formatAt(nov1BC, 'year', 'UTC')).toBe('1 BC');
    expect(formatShortMonth(nov1BC, 'UTC')).toBe('Nov 1 BC');
    expect(formatAt(Date.UTC(2023, 10, 5), 'month', 'UTC')).toBe('November 2023');
    expect(formatAt(Date.UTC(2023, 10, 5), 'year', 'UTC')).toBe('2023');
    expect(formatShortMonth(Date.UTC(2023, 10, 5), 'UTC')).toBe('Nov 2023');
  });
});
