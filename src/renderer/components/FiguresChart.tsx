/**
 * Workforce and petition figures over the log's span, drawn up to the chosen moment. Hidden until
 * the first figure: an empty chart with a now-line says nothing true. The legend is HTML below the
 * chart, so labels cannot overlap it.
 */
import { formatDay } from '../format';
import type { FigurePoint } from '../replay-protocol';

export function FiguresChart({ points, span, at, timeZone }: { points: FigurePoint[]; span: [number, number]; at: number; timeZone: string }) {
  const known = points.filter((p) => p.time <= at);
  if (known.length === 0) return <p className="muted">{points.length ? 'No figure reported yet at this moment.' : 'No workforce or petition figures recorded.'}</p>;
  const [w, h, pad] = [320, 110, 24];
  const t0 = Math.min(span[0], points[0]!.time);
  const t1 = Math.max(span[1], points[points.length - 1]!.time, t0 + 1);
  const top = Math.max(...points.map((p) => p.value)) * 1.15;
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (w - pad * 2);
  const y = (v: number) => h - pad - (v / top) * (h - pad * 1.6);
  const series = [...new Set(points.map((p) => p.series))];
  const now = x(Math.min(Math.max(at, t0), t1));
  return (
    <figure className="figures-figure">
      <svg className="figures" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`Figures up to this moment: ${series.map((name) => `${name} ${known.filter((p) => p.series === name).at(-1)?.value ?? 'not yet reported'}`).join('; ')}`}>
        <line x1={pad} x2={w - pad} y1={h - pad} y2={h - pad} className="axis-line" />
        <text x={pad} y={h - 6} className="small">{formatDay(t0, timeZone, false)}</text>
        <text x={w - pad} y={h - 6} className="small" textAnchor="end">{formatDay(t1, timeZone, false)}</text>
        {series.map((name, s) => {
          const own = points.filter((p) => p.series === name);
          const upTo = own.filter((p) => p.time <= at);
          return (
            <g key={name} className={`series series-${s % 4}`}>
              <polyline points={own.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')} className="future-line" />
              <polyline points={upTo.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')} />
              {upTo.map((p) => (
                <circle key={p.time} cx={x(p.time)} cy={y(p.value)} r={3} />
              ))}
            </g>
          );
        })}
        <line x1={now} x2={now} y1={6} y2={h - pad} className="now-line" />
      </svg>
      <figcaption className="figures-legend">
        {series.map((name, s) => (
          <span key={name} className={`series-key series-${s % 4}`}>
            {name}: <strong>{known.filter((p) => p.series === name).at(-1)?.value.toLocaleString() ?? 'not yet'}</strong>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
