import { describe, expect, it } from 'vitest';
import { epochToZoned } from './format';
import { axisTicks, DAY, describeGroup, groupMarkers, HOUR, MINUTE, stepTarget, storyEndOf } from './scrubber-marks';

const ZONE = 'America/Los_Angeles';
const at = (iso: string) => Date.parse(iso);
const MIN = 1; // PRECISIONS index of 'minute'
const DAYP = 3; // PRECISIONS index of 'day'

describe('stepTarget', () => {
  // 17 Nov 12:00 PST (minute), 19 Nov known only to the day (stored at its noon), 19 Nov 22:00 PST (minute).
  const times = new Float64Array([at('2023-11-17T20:00:00Z'), at('2023-11-19T20:00:00Z'), at('2023-11-20T06:00:00Z')]);
  const precisions = new Uint8Array([MIN, DAYP, MIN]);
  const endOf19th = at('2023-11-20T08:00:00Z') - 1; // midnight PST, less a millisecond

  it('lands on an instant, and on the end of the day for a fact known only to the day', () => {
    expect(stepTarget(times, precisions, at('2023-11-17T00:00:00Z'), 1, ZONE)).toBe(times[0]);
    // The day-precision fact's target (end of the 19th) comes after the 22:00 event of the same day.
    expect(stepTarget(times, precisions, times[0]!, 1, ZONE)).toBe(times[2]);
    expect(stepTarget(times, precisions, times[2]!, 1, ZONE)).toBe(endOf19th);
    expect(stepTarget(times, precisions, endOf19th, 1, ZONE)).toBeUndefined();
  });

  it('steps back through the same targets, never to an invented hour', () => {
    expect(stepTarget(times, precisions, endOf19th + DAY, -1, ZONE)).toBe(endOf19th);
    expect(stepTarget(times, precisions, endOf19th, -1, ZONE)).toBe(times[2]);
    expect(stepTarget(times, precisions, times[2]!, -1, ZONE)).toBe(times[0]);
    expect(stepTarget(times, precisions, times[0]!, -1, ZONE)).toBeUndefined();
  });
});

describe('groupMarkers', () => {
  it('makes instants a few pixels apart one marker, and a day-precision fact a band across its day', () => {
    const t0 = at('2023-11-18T12:00:00Z');
    const times = new Float64Array([t0, t0 + MINUTE, t0 + 10 * HOUR]);
    const { groups, count } = groupMarkers(times, new Uint8Array([MIN, MIN, DAYP]), t0 - DAY, t0 + DAY, 800, ZONE);
    expect(count).toBe(3);
    const markers = groups!.filter((g) => !g.band);
    const bands = groups!.filter((g) => g.band);
    expect(markers.map((g) => g.positions)).toEqual([[0, 1]]);
    expect(bands).toHaveLength(1);
    expect(bands[0]!.to - bands[0]!.from).toBe(DAY);
  });

  it('says a band known only to the month is "in" its month, never "on" it as if it were a day', () => {
    const MONTHP = 4; // PRECISIONS index of 'month'
    const cto = at('2022-05-01T07:00:00Z');
    const { groups } = groupMarkers(new Float64Array([cto]), new Uint8Array([MONTHP]), cto - DAY, cto + 40 * DAY, 800, ZONE);
    expect(describeGroup(groups![0]!, new Uint8Array([0]), new Uint8Array([MONTHP]), ZONE)).toBe('1 event (Roles), some time in May 2022');
  });

  it('draws no markers when more events are in view than can be told apart', () => {
    const times = Float64Array.from({ length: 1000 }, (_, i) => i * MINUTE);
    expect(groupMarkers(times, new Uint8Array(1000).fill(MIN), 0, 1000 * MINUTE, 800, 'UTC')).toEqual({ groups: null, count: 1000 });
  });
});

describe('axisTicks', () => {
  it('falls on midnight in the display zone, not in UTC, and names the day there', () => {
    const ticks = axisTicks(at('2023-11-17T00:00:00Z'), at('2023-11-21T00:00:00Z'), 400, ZONE);
    expect(ticks.length).toBeGreaterThan(1);
    for (const { t } of ticks) expect(new Date(t).getUTCHours()).toBe(8); // 00:00 PST
    expect(ticks[0]!.label).toMatch(/Fri 17 Nov|17 Nov/);
  });

  it('names times of day on the zone\'s 24-hour clock when zoomed in, and months when zoomed out', () => {
    const hours = axisTicks(at('2023-11-17T17:00:00Z'), at('2023-11-17T23:00:00Z'), 600, ZONE).map((tick) => tick.label);
    expect(hours).toContain('12:00'); // 20:00 UTC
    expect(hours.every((label) => /^\d{2}:\d{2}$/.test(label))).toBe(true);
    const months = axisTicks(at('2022-01-01T00:00:00Z'), at('2024-01-01T00:00:00Z'), 600, ZONE);
    expect(months.map((tick) => tick.label)).toEqual(['Jan 2022', 'Jul 2022', 'Jan 2023', 'Jul 2023']);
    // On the first of the month, at midnight in the zone.
    for (const { t } of months) expect(epochToZoned(t, ZONE)).toMatch(/-01T00:00$/);
  });

  it('zoomed out over decades, names whole years, spaced so their labels fit', () => {
    const ticks = axisTicks(at('2000-01-01T00:00:00Z'), at('2028-07-08T00:00:00Z'), 1200, 'UTC');
    expect(ticks.map((tick) => tick.label)).toEqual(['2000', '2005', '2010', '2015', '2020', '2025']);
    expect(ticks.length).toBeLessThanOrEqual(1200 / 110);
    expect(new Date(ticks[1]!.t).toISOString()).toBe('2005-01-01T00:00:00.000Z');
  });
});

describe('facts known only to the month reach the whole month', () => {
  // The OpenAI log's CTO change: May 2022, stored at its first midnight (PDT); then a day fact on 20 May and an instant in November 2023.
  const MONTHP = 4;
  const may = at('2022-05-01T07:00:00Z');
  const endOfMay = at('2022-06-01T07:00:00Z') - 1;
  const times = new Float64Array([may, at('2022-05-20T19:00:00Z'), at('2023-11-17T20:00:00Z')]);
  const precisions = new Uint8Array([MONTHP, DAYP, MIN]);
  const endOf20th = at('2022-05-21T07:00:00Z') - 1;

  it('steps from inside the month to its end, where the state certainly includes the fact', () => {
    expect(stepTarget(times, precisions, at('2022-05-15T19:00:00Z'), 1, ZONE)).toBe(endOf20th);
    expect(stepTarget(times, precisions, endOf20th, 1, ZONE)).toBe(endOfMay);
    expect(stepTarget(times, precisions, endOfMay, 1, ZONE)).toBe(times[2]);
  });

  it('steps back to the end of the month from after it, past a later day fact', () => {
    expect(stepTarget(times, precisions, at('2022-06-10T19:00:00Z'), -1, ZONE)).toBe(endOfMay);
    expect(stepTarget(times, precisions, endOfMay, -1, ZONE)).toBe(endOf20th);
  });

  it('draws the month band in a view that starts inside the month', () => {
    const { groups } = groupMarkers(times, precisions, at('2022-05-10T00:00:00Z'), at('2022-05-18T00:00:00Z'), 800, ZONE);
    expect(groups!.filter((g) => g.band).map((g) => [g.from, g.to])).toEqual([[may, endOfMay + 1]]);
  });
});

describe('a coarse fact is reckoned in its own zone', () => {
  // Friday 24 November in London (00:00 GMT = Thursday 16:00 PST), shown on a timeline read in California.
  const times = new Float64Array([at('2023-11-24T00:00:00Z')]);
  const precisions = new Uint8Array([DAYP]);
  const zones = { zones: new Uint16Array([0]), zoneNames: ['Europe/London'] };
  it('steps to the end of the London day and draws its band there, named as that day', () => {
    expect(stepTarget(times, precisions, at('2023-11-23T20:00:00Z'), 1, zones)).toBe(at('2023-11-25T00:00:00Z') - 1);
    const { groups } = groupMarkers(times, precisions, at('2023-11-23T00:00:00Z'), at('2023-11-26T00:00:00Z'), 800, zones);
    expect([groups![0]!.from, groups![0]!.to]).toEqual([times[0], at('2023-11-25T00:00:00Z')]);
    expect(describeGroup(groups![0]!, new Uint8Array([0]), precisions, ZONE)).toBe('1 event (Roles), some time on Fri 24 Nov 2023');
  });
});

describe('storyEndOf', () => {
  it('is the end of an earlier fact\'s month when that comes after the last event', () => {
    const times = new Float64Array([at('2022-05-01T07:00:00Z'), at('2022-05-20T19:00:00Z')]);
    expect(storyEndOf(times, new Uint8Array([4, MIN]), ZONE)).toBe(at('2022-06-01T07:00:00Z') - 1);
    expect(storyEndOf(new Float64Array(), new Uint8Array(), ZONE)).toBeUndefined();
  });
});

describe('axisTicks far from now', () => {
  // Zoomed out around 9999-12-31 (the Moment field takes it), the ticks on the first of each month
  // past year 9999 were NaN and the loop never ended: the page froze.
  it('names the years either side of 9999 and of 1 AD, and ends', () => {
    const y9999 = Date.parse('9999-06-01T00:00:00Z');
    expect(axisTicks(y9999, y9999 + 3 * 365 * DAY, 300, ZONE).map((t) => t.label)).toEqual(['10000', '10001', '10002']);
    const y1 = new Date(Date.UTC(2000, 5, 1)).setUTCFullYear(1);
    expect(axisTicks(y1 - 3 * 365 * DAY, y1, 300, ZONE).map((t) => t.label)).toEqual(['2 BC', '1 BC', '1']);
  });
});
