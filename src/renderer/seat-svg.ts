/**
 * The seat history as an SVG document built from the data (not copied from the screen), so the
 * exported file is self-contained: explicit colours, escaped names, no styles from the page.
 * Only bars that meet the visible range are drawn.
 */
import { isCoarse, periodOf } from './format';
import { PRECISIONS } from './replay-protocol';
import { axisTicks } from './scrubber-marks';
import { barEnd, barStart, type SeatLane } from './seat-lanes';
import { shownText } from '../core/shown-text';
import { isConfirmed } from '../core/certainty';

export interface Palette {
  background: string;
  text: string;
  muted: string;
  line: string;
  accent: string;
  role: string;
  chair: string;
  board: string;
}

export interface SeatSvgOptions {
  lanes: SeatLane[];
  start: number;
  end: number;
  at: number;
  width: number;
  timeZone: string;
  palette: Palette;
  /** On screen: bars carry data-jump (where a click goes); exported files leave it out. */
  interactive: boolean;
}

export const LANE_H = 26;
export const LABEL_W = 180;
const AXIS_H = 24;

/** Escaped for XML text and attributes, and without the characters XML 1.0 has no place for. */
const esc = (s: string) => shownText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function seatHistorySvg({ lanes, start, end, at, width, timeZone, palette, interactive }: SeatSvgOptions): string {
  const height = AXIS_H + lanes.length * LANE_H + 6;
  const plot = Math.max(50, width - LABEL_W - 8);
  const x = (t: number) => LABEL_W + ((Math.min(Math.max(t, start), end) - start) / (end - start)) * plot;
  const colour = (group: SeatLane['group']) => (group === 'role' ? palette.role : group === 'chair' ? palette.chair : palette.board);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push('<defs>');
  for (const group of ['role', 'chair', 'board'] as const) {
    out.push(`<linearGradient id="in-${group}"><stop offset="0" stop-color="${colour(group)}" stop-opacity="0"/><stop offset="1" stop-color="${colour(group)}"/></linearGradient>`);
    out.push(`<linearGradient id="out-${group}"><stop offset="0" stop-color="${colour(group)}"/><stop offset="1" stop-color="${colour(group)}" stop-opacity="0"/></linearGradient>`);
  }
  out.push('<pattern id="hatch" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="3" height="7" fill="#000" fill-opacity="0.28"/></pattern>');
  out.push(`<clipPath id="plot"><rect x="${LABEL_W}" y="0" width="${plot}" height="${height}"/></clipPath>`);
  out.push('</defs>');
  out.push(`<rect width="${width}" height="${height}" fill="${palette.background}"/>`);
  // Axis: the scrubber's ticks, round wall-clock times, days, months or years in the company's zone.
  for (const { t, label } of axisTicks(start, end, plot, timeZone)) {
    out.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${AXIS_H - 4}" y2="${height}" stroke="${palette.line}"/>`);
    out.push(`<text x="${x(t) + 3}" y="${AXIS_H - 8}" fill="${palette.muted}" font-size="11">${esc(label)}</text>`);
  }
  lanes.forEach((lane, row) => {
    const y = AXIS_H + row * LANE_H;
    out.push(`<text x="6" y="${y + 17}" fill="${palette.text}" font-weight="600">${esc(lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label)}</text>`);
    out.push(`<line x1="0" x2="${width}" y1="${y + LANE_H}" y2="${y + LANE_H}" stroke="${palette.line}" stroke-opacity="0.6"/>`);
    out.push('<g clip-path="url(#plot)">');
    for (const bar of lane.bars) {
      const to = bar.to ?? Math.max(end, at);
      if (to < start || bar.from > end) continue;
      // Facts known only to the day: the bar fades in across the day it began (and out across the day it ended).
      // A holder in office when the log starts did not begin that day: solid from it, with an arrow saying the start is earlier.
      const [inFrom, inTo] = bar.asOf ? [bar.from, bar.from] : isCoarse(bar.fromPrecision) ? periodOf(bar.from, bar.fromPrecision, bar.fromZone) : [bar.from, bar.from];
      const [outFrom, outTo] = bar.to !== null && bar.toPrecision && isCoarse(bar.toPrecision) ? periodOf(bar.to, bar.toPrecision, bar.toZone ?? timeZone) : [to, to];
      const solidFrom = x(Math.max(inTo, bar.from === inFrom ? bar.from : inTo));
      const solidTo = x(Math.min(outFrom, to));
      const top = y + 3;
      const h = LANE_H - 6;
      const when = `${barStart(bar, timeZone)} – ${barEnd(bar, timeZone)}`;
      // Each end says how sure its source is (barStart, barEnd).
      const title = `${lane.label}: ${bar.person}${bar.interim ? ' (interim)' : bar.acting ? ' (acting)' : ''}, ${when}`;
      const jump = interactive ? ` data-jump="${bar.from}" data-precision="${PRECISIONS.indexOf(bar.fromPrecision)}" data-zone="${esc(bar.fromZone)}" style="cursor:pointer"` : '';
      out.push(`<g${jump}><title>${esc(title)}</title>`);
      const earlier = bar.asOf && bar.from >= start && solidTo - solidFrom > 12;
      if (inTo > inFrom) out.push(`<rect x="${x(inFrom)}" y="${top}" width="${Math.max(0, x(inTo) - x(inFrom))}" height="${h}" fill="url(#in-${lane.group})"/>`);
      if (solidTo > solidFrom) out.push(`<rect x="${solidFrom}" y="${top}" width="${solidTo - solidFrom}" height="${h}" fill="${colour(lane.group)}"/>`);
      if (outTo > outFrom && bar.to !== null) out.push(`<rect x="${x(outFrom)}" y="${top}" width="${Math.max(0, x(outTo) - x(outFrom))}" height="${h}" fill="url(#out-${lane.group})"/>`);
      if ((bar.interim || bar.acting) && solidTo > solidFrom) out.push(`<rect x="${solidFrom}" y="${top}" width="${solidTo - solidFrom}" height="${h}" fill="url(#hatch)"/>`);
      // A holding only reported or rumoured is outlined dashed, and its name says so: never drawn as a confirmed one.
      const unsure = !isConfirmed(bar.certainty);
      if (unsure && solidTo > solidFrom) out.push(`<rect class="unsure" x="${solidFrom + 1}" y="${top + 1}" width="${Math.max(0, solidTo - solidFrom - 2)}" height="${h - 2}" fill="none" stroke="${palette.text}" stroke-width="2" stroke-dasharray="5 3"/>`);
      // So is an ending only reported or rumoured: a dashed line across the bar where its ending begins (the start of
      // the day, month or year it fades across). Only where that is in view: x() holds a time past the view at its edge.
      if (bar.to !== null && bar.toCertainty !== null && !isConfirmed(bar.toCertainty) && outFrom >= start && outFrom <= end) out.push(`<line class="unsure-end" x1="${x(outFrom)}" x2="${x(outFrom)}" y1="${top}" y2="${top + h}" stroke="${palette.text}" stroke-width="2" stroke-dasharray="4 2"/>`);
      if (earlier) out.push(`<path class="earlier" d="M${solidFrom + 7} ${top + 3}l-6 ${h / 2 - 3}l6 ${h / 2 - 3}z" fill="#ffffff" fill-opacity="0.85"/>`);
      const textX = solidFrom + (earlier ? 12 : 5);
      const room = solidTo - textX + 5;
      const qualifiers = [bar.interim ? 'interim' : bar.acting ? 'acting' : '', unsure ? bar.certainty : ''].filter(Boolean);
      const name = `${bar.person}${qualifiers.length ? ` (${qualifiers.join(', ')})` : ''}`;
      if (room > name.length * 7 + 8) out.push(`<text x="${textX}" y="${top + 14}" fill="#ffffff" font-weight="600">${esc(name)}</text>`);
      else if (room > bar.person.split(' ').at(-1)!.length * 7 + 8) out.push(`<text x="${textX}" y="${top + 14}" fill="#ffffff" font-weight="600">${esc(bar.person.split(' ').at(-1)!)}</text>`);
      out.push('</g>');
    }
    out.push('</g>');
  });
  if (at >= start && at <= end) out.push(`<line x1="${x(at)}" x2="${x(at)}" y1="${AXIS_H - 6}" y2="${height}" stroke="${palette.accent}" stroke-width="2"/>`);
  out.push('</svg>');
  return out.join('');
}
