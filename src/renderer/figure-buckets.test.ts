import { describe, expect, it } from 'vitest';
import { bucketFigures, bucketsUntil, reportAt } from './figure-buckets';

describe('bucketFigures', () => {
  it('keeps every point when each has a column of its own', () => {
    const [s] = bucketFigures([1, 2, 3].map((value, i) => ({ time: 50 * i, series: 'A', value, certainty: 'confirmed' as const })), 0, 100, 10);
    expect([...s!.values]).toEqual([1, 2, 3]);
    expect(s!.reports).toBe(3);
  });

  it('draws at most one point per column and series, keeping the last value and the range', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => ({ time: i, series: i % 2 ? 'Odd' : 'Even', value: i % 7, certainty: i % 3 ? ('confirmed' as const) : ('reported' as const) }));
    const series = bucketFigures(points, 0, 20_000, 272);
    expect(series.map((s) => s.name)).toEqual(['Even', 'Odd']);
    for (const s of series) {
      expect(s.times.length).toBeLessThanOrEqual(272);
      expect(s.reports).toBe(10_000);
      expect(Math.min(...s.lows)).toBe(0);
      expect(Math.max(...s.highs)).toBe(6);
    }
    // The legend says how sure the report it shows is, as the list of figures beside it does.
    expect(reportAt(series[1]!, 1000)).toEqual({ time: 999, value: 999 % 7, certainty: 'reported' });
    expect(reportAt(series[1]!, 1001)).toEqual({ time: 1001, value: 1001 % 7, certainty: 'confirmed' });
    expect(reportAt(series[0]!, -1)).toBeUndefined();
    expect(bucketsUntil(series[0]!, 20_000)).toBe(series[0]!.times.length);
  });
});
