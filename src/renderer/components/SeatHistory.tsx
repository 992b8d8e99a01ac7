/**
 * Seat history: a lane per seat, a bar per holder, interim and acting hatched, ends known only to
 * the day drawn soft, the moment as a line across all lanes. Click a bar to go to its start
 * (the end of its first day when it is known only to the day). Exports as SVG and PNG.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { fileStamp, formatInstant } from '../format';
import type { ReplayClient } from '../replay-client';
import { PRECISIONS, type Knowing } from '../replay-protocol';
import { barEnd, barStart, type SeatLane } from '../seat-lanes';
import { seatHistorySvg, type Palette } from '../seat-svg';

interface Props {
  replay: ReplayClient;
  company: string;
  known: Knowing;
  version: number;
  at: number;
  span: [number, number];
  timeZone: string;
  fileBase: string;
  /** Go to a bar's start: a start known only to the day is reckoned in `zone`, its fact's own. */
  onJump(time: number, precisionCode: number, zone: string): void;
  say(text: string, error?: boolean): void;
}

const readPalette = (): Palette => {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { background: v('--panel', '#fff'), text: v('--text', '#1b2129'), muted: v('--muted', '#545f6c'), line: v('--line', '#cfd6de'), accent: v('--accent', '#1f5fc8'), role: v('--role', '#2563eb'), chair: v('--board', '#7c3aed'), board: v('--affiliation', '#0f766e') };
};

const save = (name: string, blob: Blob) => {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export function SeatHistory({ replay, company, known, version, at, span, timeZone, fileBase, onJump, say }: Props) {
  const [lanes, setLanes] = useState<SeatLane[]>();
  const [width, setWidth] = useState(800);
  const [tableOpen, setTableOpen] = useState(false);
  const pad = (span[1] - span[0]) * 0.04 || 3_600_000;
  const [range, setRange] = useState<[number, number]>([span[0] - pad, span[1] + pad]);
  const box = useRef<HTMLDivElement>(null);
  const theme = document.documentElement.dataset.theme;

  useEffect(() => {
    let live = true;
    replay.ask({ op: 'lanes', company, ...known }).then((l) => live && setLanes(l), (e: Error) => live && say(e.message, true));
    return () => {
      live = false;
    };
  }, [replay, company, known, version, say]);
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(320, Math.floor(entry!.contentRect.width))));
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, []);

  const svg = useMemo(() => (lanes ? seatHistorySvg({ lanes, start: range[0], end: range[1], at, width, timeZone, palette: readPalette(), interactive: true }) : ''), [lanes, range, at, width, timeZone, theme]); // eslint-disable-line react-hooks/exhaustive-deps -- the theme changes the palette read from CSS

  const zoom = (factor: number) => {
    const spanNow = (range[1] - range[0]) * factor;
    const f = Math.min(1, Math.max(0, (at - range[0]) / (range[1] - range[0])));
    setRange([at - f * spanNow, at - f * spanNow + spanNow]);
  };
  const exportFile = (kind: 'svg' | 'png') => {
    if (!lanes) return;
    const document_ = seatHistorySvg({ lanes, start: range[0], end: range[1], at, width: Math.max(width, 900), timeZone, palette: readPalette(), interactive: false });
    const name = `${fileBase}-seat-history-${fileStamp(at, timeZone)}.${kind}`;
    if (kind === 'svg') return save(name, new Blob([document_], { type: 'image/svg+xml' }));
    // PNG: draw the same SVG onto a canvas at twice the size.
    const image = new Image();
    const url = URL.createObjectURL(new Blob([document_], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width * 2, height: image.height * 2 });
      const ctx = canvas.getContext('2d')!;
      ctx.scale(2, 2);
      ctx.drawImage(image, 0, 0);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? save(name, blob) : say('The PNG could not be drawn', true)), 'image/png');
    };
    image.onerror = () => say('The PNG could not be drawn', true);
    image.src = url;
  };

  const count = lanes?.reduce((n, l) => n + l.bars.length, 0) ?? 0;
  return (
    <section className="seat-history" aria-label="Seat history">
      <div className="row">
        <h2>Seat history</h2>
        <button type="button" className="small" onClick={() => zoom(0.5)} aria-label="Zoom the seat history in">+</button>
        <button type="button" className="small" onClick={() => zoom(2)} aria-label="Zoom the seat history out">−</button>
        <button type="button" className="small" onClick={() => setRange([span[0] - pad, span[1] + pad])} aria-label="Fit the seat history to the log">Fit</button>
        <span className="spacer" />
        <button type="button" className="small" onClick={() => exportFile('svg')}>Export SVG</button>
        <button type="button" className="small" onClick={() => exportFile('png')}>Export PNG</button>
      </div>
      <p className="muted legend-line">
        Hatched: interim or acting. Dashed outline: held on a source that only reports or rumours it; dashed end: an ending only reported or rumoured. Soft ends: known only to the day, month or year (the bar fades across it). ◂ at the start: in office before the log begins. Line: {formatInstant(at, timeZone)}. Click a bar to go to its start.
      </p>
      <div
        ref={box}
        className="seat-svg"
        role="img"
        aria-label={`Seat history: ${lanes?.length ?? 0} seats, ${count} holders; the table below lists them`}
        onClick={(e) => {
          const bar = (e.target as Element).closest('[data-jump]');
          if (bar) onJump(Number(bar.getAttribute('data-jump')), Number(bar.getAttribute('data-precision')), bar.getAttribute('data-zone') ?? timeZone);
        }}
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      {lanes && (
        <details className="seat-table" onToggle={(e) => setTableOpen((e.target as HTMLDetailsElement).open)}>
          <summary>Seat history as a table (the holders in view)</summary>
          {tableOpen && (
          <table>
            <thead>
              <tr>
                <th scope="col">Seat</th>
                <th scope="col">Holder</th>
                <th scope="col">From</th>
                <th scope="col">Until</th>
              </tr>
            </thead>
            <tbody>
              {lanes.flatMap((lane) =>
                lane.bars.filter((bar) => bar.from <= range[1] && (bar.to ?? Infinity) >= range[0]).slice(0, 200).map((bar) => (
                  <tr key={`${lane.key}/${bar.eventId}`}>
                    <th scope="row">{lane.label}</th>
                    <td>
                      {bar.person}
                      {bar.interim ? ' (interim)' : bar.acting ? ' (acting)' : ''}
                    </td>
                    <td>
                      <button type="button" className="link" aria-label={`Go to ${bar.asOf ? 'the log’s start' : 'the start'}: ${bar.person}, ${lane.label}, ${barStart(bar, timeZone)}`} onClick={() => onJump(bar.from, PRECISIONS.indexOf(bar.fromPrecision), bar.fromZone)}>
                        {barStart(bar, timeZone)}
                      </button>
                    </td>
                    <td>{barEnd(bar, timeZone)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
          )}
        </details>
      )}
    </section>
  );
}
