/**
 * A stored record's `time` or `recordedtime` without an offset ("2024-01-01T00:00:00", a content
 * rule it breaks, so the record is kept) was read by `Date.parse`, in the zone of the machine
 * reading it: the same log put that fact, or "known at", hours apart on two machines, and `verify`
 * passed it. A time that names no offset names no instant, and is refused ("not a date-time"),
 * as a time that cannot be read at all always was.
 */
import { describe, expect, it } from 'vitest';
import { toEpoch } from './time';

describe('toEpoch', () => {
  it('refuses a time with no offset, whatever the zone of the machine', () => {
    for (const time of ['2024-01-01T00:00:00', '2024-01-01T00:00:00.000', '2024-01-01 00:00', 'Jan 1 2024 00:00']) {
      expect(() => toEpoch(time), time).toThrow(/not a date-time/);
    }
  });

  it('reads a time with an offset as before', () => {
    expect(toEpoch('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1));
    expect(toEpoch('2024-01-01T00:00:00.5+01:00')).toBe(Date.UTC(2023, 11, 31, 23, 0, 0, 500));
    expect(toEpoch('2024-01-01t00:00:00z')).toBe(Date.UTC(2024, 0, 1));
  });
});
