import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dictKeys } from './dict';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';
import { formatMoment, toEpoch, toUtcIso } from './time';

/**
 * An independent reading of a UTC calendar date: whole years and months counted from 0000-01-01
 * (proleptic Gregorian, where year 0 is a leap year), then shifted to the Unix epoch.
 */
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leapYearsBefore = (y: number) => Math.ceil(y / 4) - Math.ceil(y / 100) + Math.ceil(y / 400);
const daysSinceYearZero = (y: number, m: number, d: number) => 365 * y + leapYearsBefore(y) + monthDays(y).slice(0, m - 1).reduce((a, b) => a + b, 0) + d - 1;
const UNIX_DAY_ZERO = daysSinceYearZero(1970, 1, 1);
const civilMs = (y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number) => ((((daysSinceYearZero(y, mo, d) - UNIX_DAY_ZERO) * 24 + h) * 60 + mi) * 60 + s) * 1000 + ms;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const anyInstant = fc
  .record({ y: fc.integer({ min: 0, max: 9999 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }), h: fc.nat(23), mi: fc.nat(59), s: fc.nat(59), ms: fc.nat(999), digits: fc.nat(3), offset: fc.integer({ min: -14 * 60, max: 14 * 60 }) })
  .map((t) => ({ ...t, d: Math.min(t.d, monthDays(t.y)[t.mo - 1]!), ms: t.digits === 0 ? 0 : Math.floor(t.ms / 10 ** (3 - t.digits)) * 10 ** (3 - t.digits) }));

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

  it('reads every year 0000-9999 as that year (Date.UTC would put 0000-0099 in 1900-1999)', () => {
    fc.assert(
      fc.property(anyInstant, ({ y, mo, d, h, mi, s, ms, digits, offset }) => {
        const fraction = digits === 0 ? '' : `.${pad(ms, 3).slice(0, digits)}`;
        const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${fraction}${zone}`;
        expect(toEpoch(iso), iso).toBe(civilMs(y, mo, d, h, mi, s, ms) - offset * 60_000);
      }),
      { numRuns: 2000 },
    );
    expect(toUtcIso('0050-06-01T00:00:00Z')).toBe('0050-06-01T00:00:00.000Z');
    expect(toEpoch('0000-03-01T00:00:00Z') - toEpoch('0000-02-28T00:00:00Z')).toBe(2 * 86_400_000);
  });

  it('an event dated in the year 50 is in force from then on, not from 1950 (audit finding)', () => {
    resetSeq();
    const ledger = new Ledger();
    [created(), rec('board.joined', '0050-06-01T00:00:00Z', { person: person('ann') }), rec('board.left', '1940-01-01T00:00:00Z', { person: person('ann'), cause: 'died' })].forEach((r) => ledger.add(r));
    expect(dictKeys(ledger.stateAt('acme', '0050-05-31T23:59:59Z')!.board)).toEqual([]);
    expect(dictKeys(ledger.stateAt('acme', '0100-01-01T00:00:00Z')!.board)).toEqual(['ann']);
    expect(dictKeys(ledger.stateAt('acme', '1960-01-01T00:00:00Z')!.board)).toEqual([]);
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
