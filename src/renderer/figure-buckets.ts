/**
 * The figures chart draws at most one point per pixel column and series, whatever the log's size:
 * a million-event log holds tens of thousands of petition counts, and one SVG element each would
 * cost more than the rest of the page. Each bucket keeps the last value reported in its column
 * (what the line passes through) and the column's low and high (the band around it).
 */
import { upperBound } from '../core/search';
import type { FigurePoint } from './replay-protocol';

export interface Bucketed {
  name: string;
  /** Per bucket, in time order: the last report's time and value, and the column's range. */
  times: Float64Array;
  values: Float64Array;
  lows: Float64Array;
  highs: Float64Array;
  /** Reports that fell into the buckets (more than the buckets when aggregated). */
  reports: number;
  /** Every report's time, value and certainty, kept for the legend (binary search by time). */
  allTimes: Float64Array;
  allValues: Float64Array;
  allCertainties: FigurePoint['certainty'][];
}

/** Buckets each series' points into `columns` equal spans of [t0, t1]; points must be in time order. */
export function bucketFigures(points: readonly FigurePoint[], t0: number, t1: number, columns: number): Bucketed[] {
  const bySeries = new Map<string, FigurePoint[]>();
  for (const p of points) {
    const own = bySeries.get(p.series);
    if (own) own.push(p);
    else bySeries.set(p.series, [p]);
  }
  const width = Math.max(1, t1 - t0);
  return [...bySeries].map(([name, own]) => {
    const times: number[] = [];
    const values: number[] = [];
    const lows: number[] = [];
    const highs: number[] = [];
    let column = NaN;
    for (const p of own) {
      const c = Math.min(columns - 1, Math.max(0, Math.floor(((p.time - t0) / width) * columns)));
      if (c !== column) {
        column = c;
        times.push(p.time);
        values.push(p.value);
        lows.push(p.value);
        highs.push(p.value);
        continue;
      }
      const last = times.length - 1;
      times[last] = p.time;
      values[last] = p.value;
      lows[last] = Math.min(lows[last]!, p.value);
      highs[last] = Math.max(highs[last]!, p.value);
    }
    return {
      name,
      times: Float64Array.from(times),
      values: Float64Array.from(values),
      lows: Float64Array.from(lows),
      highs: Float64Array.from(highs),
      reports: own.length,
      allTimes: Float64Array.from(own, (p) => p.time),
      allValues: Float64Array.from(own, (p) => p.value),
      allCertainties: own.map((p) => p.certainty),
    };
  });
}

/** The last report at or before `at`, if any. */
export function reportAt(series: Bucketed, at: number): Omit<FigurePoint, 'series'> | undefined {
  const i = upperBound(series.allTimes, at) - 1;
  return i >= 0 ? { time: series.allTimes[i]!, value: series.allValues[i]!, certainty: series.allCertainties[i]! } : undefined;
}

/** How many buckets lie at or before `at`. */
export const bucketsUntil = (series: Bucketed, at: number) => upperBound(series.times, at);
