/** Messages between the page and the replay worker, which alone holds the records. */
import type { KnownBy } from '../core/ledger';
import type { Change } from '../core/diff';
import type { EventRecord } from '../core/event';
import type { Precision } from '../core/event';
import type { Basis } from '../core/state';
import type { Keys, Limits, StateView } from './state-view';
import type { SeatLane } from './seat-lanes';

export const PRECISIONS: readonly Precision[] = ['second', 'minute', 'hour', 'day', 'month', 'year'];

export interface FigurePoint {
  time: number;
  series: string;
  value: number;
  /** How sure its source is: a reported count shown bare reads as a fact. */
  certainty: Basis['certainty'];
}

export interface TimelineView {
  company: string;
  /** Visible entries in effective-time order: sequence numbers, times and kinds (indexes into KINDS). */
  seqs: Float64Array;
  times: Float64Array;
  kinds: Uint8Array;
  /** Each entry's precision, as an index into PRECISIONS: day and coarser are drawn as periods, never as hours. */
  precisions: Uint8Array;
  /** Each entry's own zone, as an index into `zoneNames`: a fact known only to the day is that day where its source gave it, which may not be `timeZone`. */
  zones: Uint16Array;
  zoneNames: string[];
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
  /** How precise the fact's time is, and the zone its source gave it in. */
  precision: Precision;
  timezone: string;
  correction?: { id: string; reason: string };
  /** For a resolution: the summary its item was opened with (`describeEvent`'s `itemName`). */
  itemName?: string;
}

/** A fact known only to the day (or month) whose period contains the moment: the state may or may not include it. */
export interface Uncertain {
  eventId: string;
  text: string;
  precision: Precision;
  /** The period it happened in, [from, to), in its own zone. */
  from: number;
  to: number;
  timezone: string;
  /** The seat it changes, when it changes one ("CEO", "chair", "board:<person id>"). */
  seat?: string;
  /** Whether the state at the moment includes it (its nominal time is at or before the moment). */
  applied: boolean;
}

/** What the worker's filter matches: a kind, any name or text an event holds, and whether rumours count. */
export interface FilterSpec {
  kind: string;
  text: string;
  hideRumoured: boolean;
}

/** Whether a filter leaves anything out (a blank one matches every event, and the worker is not asked). */
export const isFiltering = (filter: FilterSpec): boolean => !!(filter.kind || filter.text.trim() || filter.hideRumoured);

export interface MomentState {
  /** The company this state is of. */
  company: string;
  /** The moment this state is for (the page shows it as `data-moment`, so a test can tell a stale state). */
  at: number;
  /** The known-at it answers, when one was asked (shown as `data-known`, likewise), and by what. */
  knownAt?: string;
  knownBy?: KnownBy;
  /** What the panels show of the state (long lists cut, with totals), and each section's fingerprint. */
  view: StateView;
  keys: Keys;
  /** What changed with the last event at or before the moment (highlighted in the UI). */
  changes: Change[];
  /** The last event at or before the moment, however long before. */
  last: { eventId: string; time: number; precision: Precision; timezone: string; text: string } | null;
  uncertain: Uncertain[];
  /** Where the log's coverage of the company starts: before it, the log says nothing (not "no one"). */
  coverageFrom: { time: number; precision: Precision; timezone: string } | null;
}

/** A moment as the worker sends it: without the sections whose fingerprints the page said it holds. */
export type MomentAnswer = Omit<MomentState, 'view'> & { view: Partial<StateView> };

/** Who is asking: as known at a time, by what was recorded (default) or published by then. */
export interface Knowing {
  knownAt?: string;
  knownBy?: KnownBy;
}

/** A state's question: which company, at which moment, as known when. */
export interface Question extends Knowing {
  company: string;
  at: number;
}

/** Whether a state answers the question: while the answer to a new one is on its way, the state shown is another's. */
export function answers(state: MomentState, { company, at, knownAt, knownBy = 'recorded' }: Question): boolean {
  return state.company === company && state.at === at && state.knownAt === knownAt && (knownAt === undefined || state.knownBy === knownBy);
}

/** Whether the state's moment is within the log's coverage: before it, or while the log (as known then) has no fact of the company, an empty board or seat is not known to be empty. */
export const isCovered = (state: MomentState): boolean => state.coverageFrom !== null && state.at >= state.coverageFrom.time;

export type Request =
  | { op: 'reset' }
  | { op: 'add'; records: EventRecord[] }
  /** Web mode: the worker reads records [fromSeq, fromSeq + limit) over HTTP and adds them, in the order asked. */
  | { op: 'fetch'; token: string; fromSeq: number; limit: number }
  | { op: 'companies' }
  | { op: 'view'; company: string; knownAt?: string; knownBy?: KnownBy }
  | { op: 'filter'; company: string; knownAt?: string; knownBy?: KnownBy; filter: FilterSpec }
  | { op: 'rows'; seqs: number[] }
  | { op: 'row'; id: string }
  | { op: 'between'; company: string; from: number; to: number; knownAt?: string; knownBy?: KnownBy; limit: number }
  | { op: 'lanes'; company: string; knownAt?: string; knownBy?: KnownBy }
  | { op: 'locate'; id: string }
  | { op: 'state'; company: string; at: number; knownAt?: string; knownBy?: KnownBy; limits?: Limits; held?: Partial<Keys> }
  | { op: 'diff'; company: string; from: number; to: number; knownAt?: string; knownBy?: KnownBy };

export interface Responses {
  reset: null;
  add: { head: number };
  fetch: { head: number };
  companies: { id: string; name: string }[];
  view: TimelineView;
  filter: Int32Array;
  rows: EventRow[];
  row: EventRow | null;
  between: { total: number; rows: EventRow[] };
  lanes: SeatLane[];
  locate: number | null;
  state: MomentAnswer;
  diff: { changes: Change[]; sentences: string[] };
}
