import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochToZoned, formatAt, formatInstant, formatMegabytes, periodOf, zonedToEpoch } from './format';

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
