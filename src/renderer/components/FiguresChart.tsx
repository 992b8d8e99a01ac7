/** Workforce and petition figures over time, up to the chosen moment, as a small line chart. */
import type { FigurePoint } from '../replay-protocol';

export function FiguresChart({ points, at, timeZone }: { points: FigurePoint[]; at: number; timeZone: string }) {
  if (points.length === 0) return <p className="muted">No workforce or petition figures recorded.</p>;
  const [w, h, pad] = [320, 120, 28];
  const t0 = points[0]!.time;
  const t1 = Math.max(points[points.length - 1]!.time, t0 + 1);
  const top = Math.max(...points.map((p) => p.value)) * 1.1;
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (w - pad * 2);
  const y = (v: number) => h - pad + 6 - (v / top) * (h - pad * 1.4);
  const series = [...new Set(points.map((p) => p.series))];
  const day = (t: number) => new Intl.DateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric' }).format(t);
  return (
    <svg className="figures" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Figures: ${series.join(', ')}`}>
      <line x1={pad} x2={w - pad} y1={h - pad + 6} y2={h - pad + 6} className="axis-line" />
      <text x={pad} y={h - 4} className="small">{day(t0)}</text>
      <text x={w - pad} y={h - 4} className="small" textAnchor="end">{day(t1)}</text>
      {series.map((name, s) => {
        const own = points.filter((p) => p.series === name);
        const known = own.filter((p) => p.time <= at);
        return (
          <g key={name} className={`series series-${s % 4}`}>
            <polyline points={own.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')} className="future-line" />
            <polyline points={known.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')} />
            {known.map((p) => (
              <g key={p.time}>
                <circle cx={x(p.time)} cy={y(p.value)} r={3} />
                <text x={x(p.time) + 4} y={y(p.value) - 6} className="small">{p.value}</text>
              </g>
            ))}
            <text x={w - pad} y={14 + s * 13} textAnchor="end" className="small legend-text">{name}</text>
          </g>
        );
      })}
      <line x1={x(Math.min(Math.max(at, t0), t1))} x2={x(Math.min(Math.max(at, t0), t1))} y1={8} y2={h - pad + 6} className="now-line" />
    </svg>
  );
}
