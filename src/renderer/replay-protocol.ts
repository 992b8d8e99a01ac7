/** Messages between the page and the replay worker. */
import type { Change } from '../core/diff';
import type { EventRecord } from '../core/event';
import type { CompanyState } from '../core/state';

export interface FigurePoint {
  time: number;
  series: string;
  value: number;
}

export interface TimelineView {
  company: string;
  /** Visible entries in effective-time order: their sequence numbers and times. */
  seqs: Float64Array;
  times: Float64Array;
  figures: FigurePoint[];
}

export interface MomentState {
  state: CompanyState;
  /** What changed with the last event at or before the moment (highlighted in the UI). */
  changes: Change[];
}

export type Request =
  | { op: 'reset' }
  | { op: 'add'; records: EventRecord[] }
  | { op: 'view'; company: string; knownAt?: string }
  | { op: 'state'; company: string; at: number; knownAt?: string }
  | { op: 'diff'; company: string; from: number; to: number; knownAt?: string };

export interface Responses {
  reset: null;
  add: { companies: { id: string; name: string }[]; head: number };
  view: TimelineView;
  state: MomentState;
  diff: { changes: Change[]; sentences: string[] };
}
