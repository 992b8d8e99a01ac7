/**
 * The scrubber's density strip: events per pixel column of the view, drawn on a canvas, so a log of
 * any size costs one pass over the events in view and one rectangle per column.
 */
import { useEffect, useRef } from 'react';
import { upperBound } from '../../core/search';

const HEIGHT = 24;

export function DensityStrip({ times, start, end, width }: { times: Float64Array; start: number; end: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !canvas.current) return;
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.current.width = width * ratio;
    canvas.current.height = HEIGHT * ratio;
    ctx.scale(ratio, ratio);
    ctx.clearRect(0, 0, width, HEIGHT);
    const bins = new Uint32Array(Math.ceil(width));
    const px = (t: number) => ((t - start) / (end - start)) * width;
    for (let i = upperBound(times, start - 1); i < times.length && times[i]! <= end; i++) bins[Math.min(bins.length - 1, Math.max(0, Math.floor(px(times[i]!))))]! += 1;
    const peak = Math.max(1, ...bins);
    ctx.fillStyle = getComputedStyle(canvas.current).getPropertyValue('--density').trim() || '#6b8fb3';
    bins.forEach((count, column) => {
      if (count === 0) return;
      const h = Math.max(2, (Math.log1p(count) / Math.log1p(peak)) * (HEIGHT - 2));
      ctx.fillRect(column, HEIGHT - h, 1, h);
    });
  }, [times, start, end, width]);
  return <canvas ref={canvas} className="density" style={{ width, height: HEIGHT }} aria-hidden="true" />;
}
