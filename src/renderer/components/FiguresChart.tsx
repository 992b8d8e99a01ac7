/**
 * Workforce and petition figures over the log's span, drawn up to the chosen moment. Hidden until
 * the first figure: an empty chart with a now-line says nothing true. The legend is HTML below the
 * chart, so labels cannot overlap it. Points are bucketed to the chart's pixel columns
 * (`bucketFigures`), so a log with tens of thousands of reports draws a few hundred vertices in
 * a handful of elements; moving the moment only cuts the lines at a new bucket.
 */
import { memo, useMemo } from 'react';
import { bucketFigures, bucketsUntil, reportAt } from '../figure-buckets';
import { howSure } from '../../core/certainty';
import { formatDay } from '../format';
import type { FigurePoint } from '../replay-protocol';
import { Certainty } from './SourceButton';

const [W, H, PAD] = [320, 110, 24];
/** Below this many buckets each report is a dot; above it only the latest known one is. */
const MAX_DOTS = 60;

export const FiguresChart = memo(function FiguresChart({ points, span, at, timeZone }: { points: FigurePoint[]; span: [number, number]; at: number; timeZone: string }) {
  const layout = useMemo(() => {
    if (points.length === 0) return undefined;
    const t0 = Math.min(span[0], points[0]!.time);
    const t1 = Math.max(span[1], points[points.length - 1]!.time, t0 + 1);
    let top = 0;
    for (const p of points) top = Math.max(top, p.value);
    top *= 1.15;
    const x = (t: number) => PAD + ((t - t0) / (t1 - t0)) * (W - PAD * 2);
    const y = (v: number) => H - PAD - (v / (top || 1)) * (H - PAD * 1.6);
    const series = bucketFigures(points, t0, t1, W - PAD * 2);
    const coords = series.map((s) => Array.from(s.times, (t, i) => `${x(t).toFixed(1)},${y(s.values[i]!).toFixed(1)}`));
    const ranges = series.map((s) => (s.reports > s.times.length ? Array.from(s.times, (t, i) => (s.lows[i] === s.highs[i] ? '' : `M${x(t).toFixed(1)} ${y(s.lows[i]!).toFixed(1)}V${y(s.highs[i]!).toFixed(1)}`)).join('') : ''));
    return { t0, t1, x, y, series, coords, ranges };
  }, [points, span]);

  const firstKnown = points.length ? points[0]!.time : Infinity;
  if (!layout || at < firstKnown) return <p className="muted">{points.length ? 'No figure reported yet at this moment.' : 'No workforce or petition figures recorded.'}</p>;
  const { t0, t1, x, y, series, coords, ranges } = layout;
  const now = x(Math.min(Math.max(at, t0), t1));
  /** Each series' last report at the moment, if any. */
  const reports = series.map((s) => reportAt(s, at));
  /** A series' value at the moment, and how sure its source is: "700 (reported)". */
  const said = (n: number) => (reports[n] ? `${reports[n].value}${howSure(reports[n].certainty)}` : 'not yet reported');
  return (
    <figure className="figures-figure">
      <svg className="figures" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Figures up to this moment: ${series.map((s, n) => `${s.name} ${said(n)}`).join('; ')}`}>
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} className="axis-line" />
        <text x={PAD} y={H - 6} className="small">{formatDay(t0, timeZone, false)}</text>
        <text x={W - PAD} y={H - 6} className="small" textAnchor="end">{formatDay(t1, timeZone, false)}</text>
        {series.map((s, n) => {
          const known = bucketsUntil(s, at);
          const report = reports[n];
          return (
            <g key={s.name} className={`series series-${n % 4}`}>
              <polyline points={coords[n]!.join(' ')} className="future-line" />
              <polyline points={coords[n]!.slice(0, known).join(' ')} />
              {ranges[n] && <path d={ranges[n]} className="range" />}
              {known <= MAX_DOTS
                ? Array.from(s.times.subarray(0, known), (t, i) => <circle key={t} cx={x(t)} cy={y(s.values[i]!)} r={3} />)
                : report && <circle cx={x(report.time)} cy={y(report.value)} r={3} />}
            </g>
          );
        })}
        <line x1={now} x2={now} y1={6} y2={H - PAD} className="now-line" />
      </svg>
      <figcaption className="figures-legend">
        {series.map((s, n) => (
          <span key={s.name} className={`series-key series-${n % 4}`}>
            {s.name}: <strong>{reports[n]?.value.toLocaleString() ?? 'not yet'}</strong> {reports[n] && <Certainty basis={reports[n]} />}
          </span>
        ))}
      </figcaption>
    </figure>
  );
});
