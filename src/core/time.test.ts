import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoment, toEpoch } from './time';

describe('toEpoch', () => {
  it('agrees with Date.parse on every RFC 3339 shape it reads fast', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.boolean(), (date, offsetMinutes, withMs) => {
        const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, withMs ? 23 : 19);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const iso = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(toEpoch(iso)).toBe(Date.parse(iso));
        expect(toEpoch(`${local}Z`)).toBe(Date.parse(`${local}Z`));
      }),
    );
  });

  it('throws on what is not a date-time instead of returning NaN', () => {
    expect(() => toEpoch('yesterday')).toThrow(/not a date-time/);
    expect(() => toEpoch(42 as unknown as string)).toThrow(/not a date-time/);
  });
});

describe('formatMoment', () => {
  it('shows only the precision the source supports, in the event time zone', () => {
    const t = '2023-11-17T12:28:00-08:00';
    expect(formatMoment(t, 'minute', 'America/Los_Angeles')).toBe('Nov 17, 2023, 12:28 PM PST');
    expect(formatMoment(t, 'day', 'America/Los_Angeles')).toBe('Nov 17, 2023');
    expect(formatMoment(t, 'month', 'America/Los_Angeles')).toBe('November 2023');
    expect(formatMoment(t, 'hour', 'Europe/London')).toBe('Nov 17, 2023, 8 PM GMT');
  });
});
