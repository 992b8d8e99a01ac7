import { describe, expect, it } from 'vitest';
import { periodOf, wallToEpoch } from './period';
import { utcEpoch } from './time';

const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (instant: string, zone: string) => periodOf(Date.parse(instant), 'day', zone).map(iso);

describe('the wall-clock day around an instant', () => {
  it('begins at the first midnight where the clock goes back over midnight, east of Greenwich as west', () => {
    // Amman, 29 Oct 2021: 01:00 (+03) went back to 00:00 (+02), so its first hour ran twice: a 25-hour day.
    expect(dayOf('2021-10-29T00:30:00+03:00', 'Asia/Amman')).toEqual(['2021-10-28T21:00:00.000Z', '2021-10-29T22:00:00.000Z']);
    expect(dayOf('2021-10-28T12:00:00+03:00', 'Asia/Amman')).toEqual(['2021-10-27T21:00:00.000Z', '2021-10-28T21:00:00.000Z']);
    // Magadan, 26 Oct 2014: 02:00 (+12) went back to 00:00 (+10): a 26-hour day (the one uncertain.ts names).
    expect(dayOf('2014-10-26T01:00:00+12:00', 'Asia/Magadan')).toEqual(['2014-10-25T12:00:00.000Z', '2014-10-26T14:00:00.000Z']);
    // Havana, 5 Nov 2023: 01:00 (-04) went back to 00:00 (-05): already right, west of Greenwich.
    expect(dayOf('2023-11-05T00:30:00-04:00', 'America/Havana')).toEqual(['2023-11-05T04:00:00.000Z', '2023-11-06T05:00:00.000Z']);
  });

  it('holds the instant it was asked for, every half hour across those days', () => {
    for (const [zone, from] of [['Asia/Amman', '2021-10-27T00:00:00Z'], ['Asia/Magadan', '2014-10-24T00:00:00Z'], ['America/Havana', '2023-11-04T00:00:00Z'], ['America/Santiago', '2023-09-01T00:00:00Z']] as const) {
      for (let ms = Date.parse(from), end = ms + 4 * 86_400_000; ms < end; ms += 1_800_000) {
        const [a, b] = periodOf(ms, 'day', zone);
        expect(a <= ms && ms < b, `${zone} ${iso(ms)}: [${iso(a)}, ${iso(b)})`).toBe(true);
      }
    }
  });

  it('a wall time that runs twice names its first instant; one a gap skips, the gap\'s end', () => {
    expect(iso(wallToEpoch(utcEpoch(2021, 10, 29), 'Asia/Amman'))).toBe('2021-10-28T21:00:00.000Z');
    expect(iso(wallToEpoch(utcEpoch(2023, 11, 5, 0, 30), 'America/Havana'))).toBe('2023-11-05T04:30:00.000Z');
    // Santiago, 3 Sep 2023: midnight (-04) jumped to 01:00 (-03).
    expect(iso(wallToEpoch(utcEpoch(2023, 9, 3), 'America/Santiago'))).toBe('2023-09-03T04:00:00.000Z');
  });
});
