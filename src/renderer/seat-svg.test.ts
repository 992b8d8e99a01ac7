import { describe, expect, it } from 'vitest';
import type { SeatBar, SeatLane } from './seat-lanes';
import { seatHistorySvg } from './seat-svg';

const palette = { background: '#fff', text: '#000', muted: '#666', line: '#ccc', accent: '#f00', role: '#123456', chair: '#234567', board: '#345678' };
const DAY = 86_400_000;
const ZONE = 'UTC'; // the bars' facts were given in the zone the chart is drawn in
const logStart = Date.parse('2023-11-17T12:00:00Z');
const bar = (over: Partial<SeatBar>): SeatBar => ({ person: 'Ann Lee', personId: 'ann', from: logStart, fromPrecision: 'day', fromZone: ZONE, to: null, toPrecision: null, toZone: null, toCertainty: null, interim: false, acting: false, eventId: 'e', certainty: 'confirmed', ...over });
const svgOf = (bars: SeatBar[], start = logStart - 2 * DAY) => {
  const lanes: SeatLane[] = [{ key: 'ceo', label: 'CEO', group: 'role', bars }];
  return seatHistorySvg({ lanes, start, end: logStart + 5 * DAY, at: logStart + DAY, width: 900, timeZone: 'UTC', palette, interactive: false });
};

describe('seat history bars', () => {
  it('fade in across the day a holder known to the day began', () => {
    const svg = svgOf([bar({})]);
    expect(svg).toContain('fill="url(#in-role)"');
    expect(svg).not.toContain('class="earlier"');
  });

  it('do not fade in for a holder already in office when the log starts: solid from it, with an arrow saying the start is earlier', () => {
    const svg = svgOf([bar({ asOf: true })]);
    expect(svg).not.toContain('fill="url(#in-role)"');
    expect(svg).toContain('class="earlier"');
    expect(svg).toContain('as of Fri 17 Nov 2023 (start not recorded)');
  });

  it('leave the arrow out when the view starts after the bar does (its start is out of view either way)', () => {
    expect(svgOf([bar({ asOf: true })], logStart + DAY / 2)).not.toContain('class="earlier"');
  });
});

describe('seat history bars on a source that is not confirmed', () => {
  it('are outlined dashed and say how sure they are; confirmed ones are not', () => {
    const rumoured = svgOf([bar({ certainty: 'rumoured', person: 'Bob', interim: true })]);
    expect(rumoured).toContain('class="unsure"');
    expect(rumoured).toContain('stroke-dasharray');
    expect(rumoured).toMatch(/>Bob \(interim, rumoured\)<\/text>/);
    const confirmed = svgOf([bar({})]);
    expect(confirmed).not.toContain('class="unsure"');
    expect(confirmed).not.toContain('stroke-dasharray');
  });

  it('end in a dashed line where the ending is only reported or rumoured; a confirmed ending does not', () => {
    const ended = (toCertainty: string) => svgOf([bar({ to: logStart + 2 * DAY, toPrecision: 'minute', toZone: ZONE, toCertainty })]);
    const reported = ended('reported');
    expect(reported).toMatch(/<line class="unsure-end" x1="([\d.]+)" x2="\1" y1="\d+" y2="\d+" stroke="#000" stroke-width="2" stroke-dasharray="4 2"\/>/);
    expect(reported).toContain('Sun 19 Nov 2023, 12:00 UTC (reported)');
    expect(ended('confirmed')).not.toContain('unsure-end');
    expect(svgOf([bar({})])).not.toContain('unsure-end');
  });
});

describe('seat history: a reported ending out of view', () => {
  it('is not drawn at the edge of the view, where the bar does not end', () => {
    // Ends (reported) two days after the view's end: the bar runs off the right edge, and no dashed end is drawn there.
    const past = svgOf([bar({ to: logStart + 7 * DAY, toPrecision: 'minute', toZone: ZONE, toCertainty: 'reported' })]);
    expect(past).not.toContain('unsure-end');
    // Known only to the month, November, reported: the month runs past the view's end (22 Nov), so its end is out of view too.
    const month = svgOf([bar({ to: logStart + 2 * DAY, toPrecision: 'month', toZone: ZONE, toCertainty: 'rumoured' })]);
    expect(month).not.toContain('unsure-end');
  });

  it('for an ending known only to the day, is drawn where that day begins, as the bar starts to fade', () => {
    const day = svgOf([bar({ to: logStart + 2 * DAY, toPrecision: 'day', toZone: ZONE, toCertainty: 'reported' })]);
    const fade = /<rect x="([\d.]+)"[^>]*fill="url\(#out-role\)"/.exec(day)?.[1];
    expect(fade).toBeDefined();
    expect(day).toContain(`<line class="unsure-end" x1="${fade}" x2="${fade}"`);
  });
});
