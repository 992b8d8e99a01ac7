import { describe, expect, it } from 'vitest';
import { bucketFigures, bucketsUntil, reportAt } from './figure-buckets';

describe('bucketFigures', () => {
  it('keeps every point when each has a column of its own', () => {
    const [s] = bucketFigures([{ time: 0, series: 'A', value: 1 }, { time: 50, series: 'A', value: 2 }, { time: 100, series: 'A', value: 3 }], 0, 100, 10);
    expect([...s!.values]).toEqual([1, 2, 3]);
    expect(s!.reports).toBe(3);
  });

  it('draws at most one point per column and series, keeping the last value and the range', () => {
    const points = Array.from({ length: 20_000 }, (_, i) => ({ time: i, series: i % 2 ? 'Odd' : 'Even', value: i % 7 }));
    const series = bucketFigures(points, 0, 20_000, 272);
    expect(series.map((s) => s.name)).toEqual(['Even', 'Odd']);
    for (const s of series) {
      expect(s.times.length).toBeLessThanOrEqual(272);
      expect(s.reports).toBe(10_000);
      expect(Math.min(...s.lows)).toBe(0);
      expect(Math.max(...s.highs)).toBe(6);
    }
    expect(reportAt(series[1]!, 1000)).toEqual({ time: 999, value: 999 % 7 });
    expect(reportAt(series[0]!, -1)).toBeUndefined();
    expect(bucketsUntil(series[0]!, 20_000)).toBe(series[0]!.times.length);
  });
});
