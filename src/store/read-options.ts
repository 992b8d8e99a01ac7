/** What reading a log file can be asked to do, and to tell as it goes (see `readLog`). */
import type { EventRecord } from '../core/event';
import type { Ledger } from '../core/ledger';

export interface ReadOptions {
  /** The ledger replays each question instead of building checkpoints (see `OpenOptions`). */
  oneShot?: boolean;
  /** The ledger keeps every record in memory (a reference reader: tests, the bench); else `source` reads them back. */
  keepRecords?: boolean;
  /** An index of what was read may be stored: after a stored index, the hash of the bytes read (its key, see `BlockHash`) is carried on over the lines read. */
  storable?: boolean;
  /** Every line is read, whatever index is stored beside the log (else reading resumes after one made from the same bytes). */
  fromStart?: boolean;
  /** This thread parses (and hashes) every line, with no worker; else a large log's lines from `shareStart` on are a worker's. */
  parseAll?: boolean;
  /**
   * Makes what sees each record as the ledger takes it in, whole or (`whole` false) the fields a
   * worker parsed; true keeps a whole one in memory. Made once for each read of the file: a read
   * begun again (see `readLog`) makes another, and only the last one's records are the answer's.
   */
  taken?: () => (record: EventRecord, whole: boolean) => boolean | void;
  /** A module whose `shareChecker()` checks each record a worker parses (see `check-lines.ts`). */
  checker?: URL;
  /** Told how many of the file's bytes have been read, as reading goes on: never more than the size it gives, never fewer than before. */
  progress?: Progress;
  /**
   * Given the first records as they are read and chained, at each step of the read (a 200th of the
   * file: `progress` is told then too, if the bytes read have grown), and undefined once this read
   * of the file ends (whatever its outcome: the records are then the answer's, or none are).
   * Records a worker parses are not given: their chain is checked at the end.
   */
  chained?: (sofar: ChainedSoFar | undefined) => void;
}

/** How far reading a file has come: `read` of its `size` bytes. */
export type Progress = (read: number, size: number) => void;

/**
 * The first records of a log still being read: each line read, checked, and chained to the line
 * before it from the log's first, but not yet to its head anchor (the log's end is not read yet).
 * `ledger` grows as the read goes on; its records up to `records` are these.
 */
export interface ChainedSoFar {
  ledger: Ledger;
  records: number;
  /** The SHA-256 of record `seq`'s line (`seq` at most `records`), as the chain was checked with. */
  hashOf(seq: number): string;
}
