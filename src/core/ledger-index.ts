/**
 * What a ledger derived from its records, as plain data: what a process stores beside a log so that
 * opening it again, unchanged, loads this instead of parsing every record (`src/store/index-cache.ts`).
 * It holds no record: those stay where they are stored.
 */
import type { Effective } from './evolve';
import type { FactPlacesIndex } from './fact-places';
import type { IdIndexData } from './id-index';
import type { EntriesIndex } from './timeline-entries';

export interface LedgerIndex {
  head: number;
  logId: string;
  title: string;
  followed?: { id: string; name: string };
  /** Which record has which id (a table of their hashes: see `IdIndex`). */
  ids: IdIndexData;
  /** The clamped recorded times of records 1 to head, by sequence (index 0 unused). */
  recordedTimes: Float64Array<ArrayBuffer>;
  /** Where each record's fact is; its timeline numbers count `timelines` from 1. */
  places: FactPlacesIndex;
  /** Corrections' corrected facts, by the correction's sequence. */
  correctedEffects: [number, Effective][];
  revisedBy: [string, string][];
  firstRevision: [string, string][];
  timelines: { company: string; entries: EntriesIndex }[];
}
