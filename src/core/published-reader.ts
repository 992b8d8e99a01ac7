/**
 * Readers of a ledger: which of a timeline's entries one sees, and the state they make. "Known at
 * R" counts records written into the log by R (a prefix of the log, answered from checkpoints; see
 * `Ledger.reader`) or, here, sources published by R: each record's `citation.published`, else its
 * recorded time. That is not a prefix of the log, so its states are replayed in full.
 */
import type { Ledger } from './ledger';
import type { CompanyState } from './state';
import { toEpoch } from './time';
import type { Timeline } from './timeline';

/** What "known at R" counts: records written into this log by R, or sources published by R. */
export type KnownBy = 'recorded' | 'published';

/** One reader's view of the log: which timeline entries it sees, and the state they make. */
export interface Reader {
  visible(timeline: Timeline, position: number): boolean;
  stateAt(timeline: Timeline, at: number): CompanyState;
}

/** When record `seq`'s source was published, or else when it was recorded. */
function publishedAt(ledger: Ledger, seq: number): number {
  const record = ledger.record(seq)!;
  const published = (record.data as { citation?: { published?: string } }).citation?.published;
  return toEpoch(published ?? record.recordedtime);
}

/** A reader who knows what the sources had published by `by` (epoch ms): a fact, unless its revision was published by then too. */
export function publishedReader(ledger: Ledger, by: number): Reader {
  const known = (seq: number) => publishedAt(ledger, seq) <= by;
  const visible = (timeline: Timeline, position: number) => {
    const { seq, id } = timeline.effectAt(position);
    const reviser = ledger.revisionOf(id);
    return known(seq) && !(reviser !== undefined && known(ledger.seqOf(reviser)!));
  };
  return { visible, stateAt: (timeline, at) => timeline.replayWhere(at, (position) => visible(timeline, position)) };
}
