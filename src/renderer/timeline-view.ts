/**
 * The timeline the scrubber and the figures chart draw (`TimelineView`), built in the replay
 * worker. What each entry shows (its sequence, kind, precision, zone, figure) does not depend on
 * who reads the log, only which entries they see does. So it is worked out once per log head
 * (`timelineCodes`: one pass that reads every fact), and a reader's view is those codes gathered
 * for the entries it sees (`viewFor`): moving the known-at control at a million events no longer
 * reads half a million facts again.
 */
import { kindOf } from '../core/describe';
import type { Timeline } from '../core/timeline';
import { KINDS } from './kinds';
import { PRECISIONS, type FigurePoint, type TimelineView } from './replay-protocol';

/** What every entry of a timeline shows, by position. Positions hold until the log changes. */
export interface TimelineCodes {
  seqs: Float64Array;
  kinds: Uint8Array;
  precisions: Uint8Array;
  /** Indexes into `zoneNames`. */
  zones: Uint32Array;
  zoneNames: string[];
  /** The entries that report a figure (headcount, signatures), ascending, with it. */
  figures: ({ position: number } & Omit<FigurePoint, 'time'>)[];
}

const kindCode = new Map<string, number>(KINDS.map((k, i) => [k, i]));
const precisionCode = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));

export function timelineCodes(t: Timeline): TimelineCodes {
  const n = t.length;
  const codes: TimelineCodes = { seqs: new Float64Array(n), kinds: new Uint8Array(n), precisions: new Uint8Array(n), zones: new Uint32Array(n), zoneNames: [], figures: [] };
  const zoneIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const effect = t.effectAt(i);
    codes.seqs[i] = effect.seq;
    codes.kinds[i] = kindCode.get(kindOf(effect.type)) ?? 0;
    codes.precisions[i] = precisionCode.get(effect.timeprecision) ?? 0;
    let zone = zoneIds.get(effect.timezone);
    if (zone === undefined) zoneIds.set(effect.timezone, (zone = codes.zoneNames.push(effect.timezone) - 1));
    codes.zones[i] = zone;
    if (effect.type === 'workforce.reported') codes.figures.push({ position: i, series: 'Workforce', value: effect.data.headcount, certainty: effect.data.certainty });
    if (effect.type === 'petition.reported') codes.figures.push({ position: i, series: effect.data.title, value: effect.data.signatories, certainty: effect.data.certainty });
  }
  return codes;
}

/** The view of a reader who sees the entries for which `visible` holds. */
export function viewFor(company: string, t: Timeline, codes: TimelineCodes, visible: (position: number) => boolean): TimelineView {
  const seen = new Int32Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) if (visible(i)) seen[n++] = i;
  const view = { company, seqs: new Float64Array(n), times: new Float64Array(n), kinds: new Uint8Array(n), precisions: new Uint8Array(n), zones: new Uint16Array(n), zoneNames: codes.zoneNames };
  const zoneCounts = new Uint32Array(codes.zoneNames.length);
  /** The zones in the order this reader first sees them: the first of those tied wins. */
  const zonesSeen: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = seen[k]!;
    view.seqs[k] = codes.seqs[i]!;
    view.times[k] = t.times[i]!;
    view.kinds[k] = codes.kinds[i]!;
    view.precisions[k] = codes.precisions[i]!;
    view.zones[k] = codes.zones[i]!;
    if (zoneCounts[codes.zones[i]!]!++ === 0) zonesSeen.push(codes.zones[i]!);
  }
  const figures: FigurePoint[] = codes.figures.filter((f) => visible(f.position)).map(({ position, ...figure }) => ({ time: t.times[position]!, ...figure }));
  // The zone most of the company's events were recorded in.
  const most = zonesSeen.reduce((best, zone) => (zoneCounts[zone]! > zoneCounts[best]! ? zone : best), zonesSeen[0] ?? -1);
  return { ...view, figures, timeZone: most >= 0 ? codes.zoneNames[most]! : 'UTC' };
}
