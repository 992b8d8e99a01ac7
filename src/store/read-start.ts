/** Where reading a log starts: from the beginning, or after the lines a stored index holds. */
import { Ledger } from '../core/ledger';
import { Digests } from './digests';
import type { MatchingIndex } from './index-cache';
import { LineSource } from './line-source';

/** Where reading starts: the ledger, the digests and the lines a stored index holds, or none. */
export interface Start {
  stored: MatchingIndex | undefined;
  /**
   * The digest of each line read so far: hashed here, or (for a line a worker parsed) as the next
   * line's prevhash claims it, checked against the worker's digests at the end.
   */
  digests: Digests;
  lines: LineSource;
  ledger: Ledger;
}

export function begin(fd: number, path: string, stored: MatchingIndex | undefined, oneShot: boolean, keepRecords: boolean): Start {
  if (stored) {
    try {
      const digests = Digests.from(stored.digests);
      const lines = new LineSource(fd, path, digests, stored.starts);
      return { stored, digests, lines, ledger: Ledger.fromIndex(stored.ledger, { checkpoints: !oneShot, source: lines }) };
    } catch {
      // An index that matches the log's bytes and its own checksum, yet does not load (made by
      // hand), is not used either: the log is read in full.
    }
  }
  const digests = new Digests();
  const lines = new LineSource(fd, path, digests);
  return { stored: undefined, digests, lines, ledger: new Ledger({ checkpoints: !oneShot, ...(keepRecords ? {} : { source: lines }) }) };
}

