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
  /** The zone most of the entries were recorded in: a reader who sees none is shown the company in it. */
  timeZone: string;
}

const kindCode = new Map<string, number>(KINDS.map((k, i) => [k, i]));
const precisionCode = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));

export function timelineCodes(t: Timeline): TimelineCodes {
  const n = t.length;
  const codes: TimelineCodes = { seqs: new Float64Array(n), kinds: new Uint8Array(n), precisions: new Uint8Array(n), zones: new Uint32Array(n), zoneNames: [], figures: [], timeZone: 'UTC' };
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
  codes.timeZone = mostSeen(codes, codes.zones) ?? 'UTC';
  return codes;
}

/** The zone of most of `zones` (indexes into `codes.zoneNames`); of those tied, the first seen. */
function mostSeen(codes: TimelineCodes, zones: ArrayLike<number>): string | undefined {
  const counts = new Uint32Array(codes.zoneNames.length);
  for (let k = 0; k < zones.length; k++) counts[zones[k]!]! += 1;
  let most = -1;
  // In order of appearance, a zone passes the best only by more: a tie keeps the one seen first.
  for (let k = 0; k < zones.length; k++) if (most < 0 || counts[zones[k]!]! > counts[most]!) most = zones[k]!;
  return most >= 0 ? codes.zoneNames[most] : undefined;
}

/** The view of a reader who sees the entries for which `visible` holds. */
export function viewFor(company: string, t: Timeline, codes: TimelineCodes, visible: (position: number) => boolean): TimelineView {
  const seen = new Int32Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) if (visible(i)) seen[n++] = i;
  const view = { company, seqs: new Float64Array(n), times: new Float64Array(n), kinds: new Uint8Array(n), precisions: new Uint8Array(n), zones: new Uint16Array(n), zoneNames: codes.zoneNames };
  for (let k = 0; k < n; k++) {
    const i = seen[k]!;
    view.seqs[k] = codes.seqs[i]!;
    view.times[k] = t.times[i]!;
    view.kinds[k] = codes.kinds[i]!;
    view.precisions[k] = codes.precisions[i]!;
    view.zones[k] = codes.zones[i]!;
  }
  const figures: FigurePoint[] = codes.figures.filter((f) => visible(f.position)).map(({ position, ...figure }) => ({ time: t.times[position]!, ...figure }));
  // The zone most of the events this reader sees were recorded in; for a reader who sees none (a
  // known-at before the first record), the company's: moments typed in it stay in it.
  return { ...view, figures, timeZone: mostSeen(codes, view.zones) ?? codes.timeZone };
}
