import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { epochToZoned, zonedToEpoch } from './format';

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
