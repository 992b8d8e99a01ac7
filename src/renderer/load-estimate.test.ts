import { describe, expect, it } from 'vitest';
import { timeLeft } from './load-estimate';

describe('timeLeft', () => {
  // The arrivals of a 100k load measured in the browser (ms after navigation, records loaded).
  const arrivals = [
    { at: 914, loaded: 500 },
    { at: 1622, loaded: 1_500 },
    { at: 2184, loaded: 3_500 },
    { at: 2387, loaded: 7_500 },
    { at: 3461, loaded: 15_500 },
    { at: 3868, loaded: 31_500 },
    { at: 5036, loaded: 51_500 },
  ];
  it('says nothing before a quarter of the log and three pages are in', () => {
    expect(timeLeft(arrivals.slice(0, 5), 100_000)).toBeUndefined();
    expect(timeLeft([{ at: 0, loaded: 0 }, { at: 100, loaded: 60_000 }], 100_000)).toBeUndefined();
  });
  it('goes at the pace of the last pages, not of the slow first ones', () => {
    // 16,000 + 20,000 records in 1,575 ms: 48,500 more take about 2.1 s (the load ended 1.5 s later).
    expect(timeLeft(arrivals, 100_000)).toBeCloseTo((1575 / 36_000) * 48_500, 6);
  });
  it('says nothing when the pages measured brought no records', () => {
    expect(timeLeft([{ at: 0, loaded: 30_000 }, { at: 5, loaded: 30_000 }, { at: 9, loaded: 30_000 }], 100_000)).toBeUndefined();
  });
});
