import type { Ledger } from './ledger';

/**
 * Where a page of the log's records asked to end at `to` ends: at `to`, or, when `to` is inside a
 * batch (records appended together), at the batch's end, so that no reader holds part of a batch (a
 * state the log never had, shown while a page loads). Never past `last`, the last record there is
 * to give (a batch is whole up to the head, and up to what an opening has chained).
 */
export function wholeBatchEnd(ledger: Pick<Ledger, 'record'>, to: number, last: number): number {
  if (to < 1 || to >= last) return to;
  const end = ledger.record(to)?.batchend;
  return end !== undefined && end > to ? Math.min(end, last) : to;
}

/** The last record of a page of `limit` records from `fromSeq` on, in a whole log (its batches whole to its head). */
export const pageEnd = (ledger: Pick<Ledger, 'record' | 'head'>, fromSeq: number, limit: number): number => wholeBatchEnd(ledger, Math.min(fromSeq - 1 + limit, ledger.head), ledger.head);
