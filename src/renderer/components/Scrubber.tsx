/**
 * The timeline scrubber: an accessible slider over effective time, with an axis that follows the
 * zoom, event markers coloured by kind, and a density strip on a canvas so large logs stay fast.
 * Drag to scrub, click a marker to jump, wheel to zoom (Shift+wheel to pan), keys to step, play,
 * zoom (+/−) and pan (Ctrl+←/→).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { upperBound } from '../../core/search';
import { formatInstant, offsetAt } from '../format';
import { KINDS, kindLabel } from '../kinds';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const STEPS = [MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 30 * DAY, 91 * DAY, 365 * DAY];
const MAX_MARKERS = 600;
export const SPEEDS = [
  { label: '1 min/s', perSecond: MINUTE },
  { label: '1 h/s', perSecond: HOUR },
  { label: '6 h/s', perSecond: 6 * HOUR },
  { label: '1 day/s', perSecond: DAY },
];

interface Props {
  times: Float64Array;
  /** Each event's kind, as an index into KINDS. */
  kinds: Uint8Array;
  value: number;
  onChange(time: number): void;
  timeZone: string;
  /** Index of the current event in `times`, highlighted. */
  current: number;
}

/** Labels follow the zoom: times of day, then days, then months. Midnight ticks name the day. */
const tickLabel = (ms: number, step: number, timeZone: string) => {
  const wall = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).format(ms);
  if (step < DAY && wall !== '00:00') return wall;
  return new Intl.DateTimeFormat('en-US', step < 30 * DAY ? { timeZone, month: 'short', day: 'numeric' } : { timeZone, month: 'short', year: 'numeric' }).format(ms);
};

export function Scrubber({ times, kinds, value, onChange, timeZone, current }: Props) {
  const first = times.length ? times[0]! : value - DAY;
  const last = times.length ? times[times.length - 1]! : value + DAY;
  // Open on where most events are: a few early facts (a CTO since 2022) should not shrink the story.
  const busyFrom = times.length ? times[Math.floor(times.length * 0.05)]! : first;
  const pad = Math.max((last - busyFrom) * 0.04, HOUR);
  const [window, setWindow] = useState<[number, number]>([busyFrom - pad, last + pad]);
  const [width, setWidth] = useState(800);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const track = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const valueRef = useRef(value);
  valueRef.current = value;

  useEffect(() => setWindow([busyFrom - pad, last + pad]), [busyFrom, last, pad]);
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(200, entry!.contentRect.width)));
    if (track.current) observer.observe(track.current);
    return () => observer.disconnect();
  }, []);

  const [start, end] = window;
  const x = (t: number) => ((t - start) / (end - start)) * width;
  const timeAt = (px: number) => start + (px / width) * (end - start);

  const ticks = useMemo(() => {
    const step = STEPS.find((s) => (end - start) / s <= Math.max(4, width / 110)) ?? STEPS[STEPS.length - 1]!;
    // Ticks fall on round wall-clock times in the display zone (midnight, 06:00...), not in UTC.
    const shift = offsetAt(start, timeZone);
    const result: { t: number; label: string }[] = [];
    for (let t = Math.ceil((start + shift) / step) * step - shift; t <= end && result.length < 200; t += step) result.push({ t, label: tickLabel(t, step, timeZone) });
    return result;
  }, [start, end, width, timeZone]);

  // The density strip: events per pixel column, drawn on a canvas whatever the log's size.
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.current.width = width * ratio;
    canvas.current.height = 28 * ratio;
    ctx.scale(ratio, ratio);
    ctx.clearRect(0, 0, width, 28);
    const bins = new Uint32Array(Math.ceil(width));
    for (let i = upperBound(times, start - 1); i < times.length && times[i]! <= end; i++) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(x(times[i]!))))]! += 1;
    const peak = Math.max(1, ...bins);
    ctx.fillStyle = getComputedStyle(canvas.current).getPropertyValue('--density').trim() || '#6b8fb3';
    bins.forEach((count, px) => {
      if (count === 0) return;
      const h = Math.max(2, (Math.log1p(count) / Math.log1p(peak)) * 26);
      ctx.fillRect(px, 28 - h, 1, h);
    });
    // x depends only on start/end/width, all listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [times, start, end, width]);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => {
      const next = valueRef.current + SPEEDS[speed]!.perSecond / 20;
      if (next >= last) {
        setPlaying(false);
        onChange(last);
      } else onChange(next);
    }, 50);
    return () => clearInterval(id);
  }, [playing, speed, last, onChange]);

  const zoom = (factor: number, around = value) => {
    const span = Math.min(Math.max((end - start) * factor, 10 * MINUTE), Math.max(last - first, DAY) * 50);
    const f = (around - start) / (end - start);
    setWindow([around - f * span, around - f * span + span]);
  };
  const pan = (fraction: number) => setWindow([start + (end - start) * fraction, end + (end - start) * fraction]);

  const step = (direction: 1 | -1) => {
    if (!times.length) return;
    const after = upperBound(times, value);
    // Events at the same instant are one step: land on the last of them.
    const target = direction > 0 ? times[Math.min(after, times.length - 1)]! : times[Math.max(0, upperBound(times, value - 1) - 1)]!;
    onChange(direction > 0 && after >= times.length ? last : target);
  };

  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
      event.preventDefault();
      return pan(event.key === 'ArrowLeft' ? -0.2 : 0.2);
    }
    const keys: Record<string, () => void> = {
      ArrowRight: () => (event.shiftKey ? onChange(value + HOUR) : step(1)),
      ArrowLeft: () => (event.shiftKey ? onChange(value - HOUR) : step(-1)),
      ArrowUp: () => step(1),
      ArrowDown: () => step(-1),
      PageUp: () => onChange(value + DAY),
      PageDown: () => onChange(value - DAY),
      Home: () => onChange(first),
      End: () => onChange(last),
      ' ': () => setPlaying((p) => !p),
      '+': () => zoom(0.5),
      '=': () => zoom(0.5),
      '-': () => zoom(2),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const fromPointer = (event: PointerEvent) => {
    const rect = track.current!.getBoundingClientRect();
    onChange(Math.round(timeAt(event.clientX - rect.left) / MINUTE) * MINUTE);
  };

  const onWheel = (event: WheelEvent) => {
    const rect = track.current!.getBoundingClientRect();
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) pan((event.deltaX || event.deltaY) / 1000);
    else zoom(event.deltaY > 0 ? 1.25 : 0.8, timeAt(event.clientX - rect.left));
  };

  // Markers only where they can be told apart; otherwise the density strip shows where events are.
  const from = upperBound(times, start - 1);
  const to = upperBound(times, end);
  const markers = useMemo(() => {
    if (to - from > MAX_MARKERS) return null;
    const position = (t: number) => ((t - start) / (end - start)) * width;
    const items = [];
    for (let i = from; i < to; i++) {
      items.push(
        <button
          key={i}
          className={`marker kind-${KINDS[kinds[i]!]}${i === current ? ' current' : ''}`}
          style={{ left: position(times[i]!) }}
          tabIndex={-1}
          aria-label={`${kindLabel[KINDS[kinds[i]!]!]} event at ${formatInstant(times[i]!, timeZone)}`}
          onClick={() => onChange(times[i]!)}
        />,
      );
    }
    return items;
  }, [from, to, start, end, width, times, kinds, current, timeZone, onChange]);

  return (
    <section className="scrubber" aria-label="Timeline">
      <div className="scrubber-controls">
        <button onClick={() => setPlaying((p) => !p)} aria-pressed={playing} title="Play through time (Space)">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <label>
          Speed{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s, i) => (
              <option key={s.label} value={i}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <button onClick={() => zoom(0.5)} title="Zoom in (+ key, or the wheel)" aria-label="Zoom in">+</button>
        <button onClick={() => zoom(2)} title="Zoom out (− key, or the wheel)" aria-label="Zoom out">−</button>
        <button onClick={() => setWindow([first - pad, last + pad])} title="Show the whole log">Fit</button>
        <span className="legend">
          {[...new Set(kinds)].sort().map((code) => (
            <span key={code} className={`kind-dot kind-${KINDS[code]}`}>{kindLabel[KINDS[code]!]}</span>
          ))}
        </span>
      </div>
      <div
        ref={track}
        className="scrubber-track"
        role="slider"
        tabIndex={0}
        aria-label="Moment"
        title="←/→ previous/next event · Shift+←/→ one hour · PageUp/PageDown one day · Home/End · Space play · +/− zoom · Ctrl+←/→ pan"
        aria-valuemin={Math.round(first)}
        aria-valuemax={Math.round(last)}
        aria-valuenow={Math.round(value)}
        aria-valuetext={formatInstant(value, timeZone)}
        onKeyDown={onKey}
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('.marker')) return;
          (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          fromPointer(e);
        }}
        onPointerMove={(e) => e.buttons === 1 && (e.currentTarget as HTMLElement).hasPointerCapture(e.pointerId) && fromPointer(e)}
        onWheel={onWheel}
      >
        <canvas ref={canvas} className="density" style={{ width, height: 28 }} aria-hidden="true" />
        <div className="markers">{markers ?? <span className="marker-hint">{(to - from).toLocaleString()} events here: zoom in (wheel or +) to pick one</span>}</div>
        <div className="axis" aria-hidden="true">
          {ticks.map(({ t, label }) => (
            <span key={t} className="tick" style={{ left: x(t) }}>
              {label}
            </span>
          ))}
        </div>
        <div className="playhead" style={{ left: x(value) }} aria-hidden="true">
          <span className="playhead-label">{formatInstant(value, timeZone)}</span>
        </div>
      </div>
    </section>
  );
}
