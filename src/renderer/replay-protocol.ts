/** Messages between the page and the replay worker, which alone holds the records. */
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
  /** Visible entries in effective-time order: sequence numbers, times and kinds (indexes into KINDS). */
  seqs: Float64Array;
  times: Float64Array;
  kinds: Uint8Array;
  figures: FigurePoint[];
  /** The zone most of the company's events were recorded in: the UI shows times there. */
  timeZone: string;
}

/** One row of the events list: the fact an entry shows (for a correction, the corrected version). */
export interface EventRow {
  record: EventRecord;
  /** The type and payload in effect: the record's own, or the corrected fact's. */
  type: string;
  data: Record<string, unknown>;
  time: number;
  correction?: { id: string; reason: string };
}

export interface MomentState {
  state: CompanyState;
  /** What changed with the last event at or before the moment (highlighted in the UI). */
  changes: Change[];
}

export type Request =
  | { op: 'reset' }
  | { op: 'add'; records: EventRecord[] }
  | { op: 'companies' }
  | { op: 'view'; company: string; knownAt?: string }
  | { op: 'filter'; company: string; knownAt?: string; kind: string; person: string }
  | { op: 'rows'; seqs: number[] }
  | { op: 'locate'; id: string }
  | { op: 'state'; company: string; at: number; knownAt?: string }
  | { op: 'diff'; company: string; from: number; to: number; knownAt?: string };

export interface Responses {
  reset: null;
  add: { head: number };
  companies: { id: string; name: string }[];
  view: TimelineView;
  filter: Int32Array;
  rows: EventRow[];
  locate: number | null;
  state: MomentState;
  diff: { changes: Change[]; sentences: string[] };
}
