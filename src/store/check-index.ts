/**
 * What `verify` says of the index stored beside a log (see `index-cache.ts`): whether what it
 * holds is what reading the log in full derives. An index is checked against the log's bytes when
 * it is loaded, but its contents are trusted as derived from them; someone who can write the log's
 * folder could forge one that gives other answers. This is the check that finds it.
 */
import { existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { IncumbentError } from '../core/errors';
import type { Ledger } from '../core/ledger';
import { IdIndex, type IdIndexData } from '../core/id-index';
import type { LedgerIndex } from '../core/ledger-index';
import type { Digests } from './digests';
import { indexPath } from './index-cache';
import { readLog } from './read-log';

/** All but the id table, which is compared as the table the log's ids make with its seed (each table's seed is its own). */
const withoutIds = ({ ids: _, ...rest }: LedgerIndex) => rest;

/** Whether `table` is the one the log's ids, in order, make with its seed. */
function sameIds(table: IdIndexData, ids: readonly string[]): boolean {
  const rebuilt = new IdIndex((seq) => ids[seq - 1]!, { seed: table.seed });
  ids.forEach((id, i) => rebuilt.set(id, i + 1));
  return isDeepStrictEqual(rebuilt.exportIndex(), table);
}

const sameIndex = (resumed: LedgerIndex, full: Ledger, ids: readonly string[]) => isDeepStrictEqual(withoutIds(resumed), withoutIds(full.exportIndex())) && sameIds(resumed.ids, ids);

/**
 * Undefined without an index (or with one that opening would not use: it is rebuilt); a sentence
 * when it matches; throws `damaged` when it would give answers that the log does not.
 */
export async function checkStoredIndex(path: string, full: { ledger: Ledger; digests: Digests }, ids: readonly string[]): Promise<string | undefined> {
  if (!existsSync(indexPath(path))) return undefined;
  const resumed = await readLog(path);
  try {
    if (resumed.fromIndex === 0) return undefined;
    const same = resumed.ledger.head === full.ledger.head && resumed.digests.copy().equals(full.digests.copy()) && sameIndex(resumed.ledger.exportIndex(), full.ledger, ids);
    if (!same) throw new IncumbentError('damaged', `the index beside the log (${indexPath(path)}) does not hold what the log's records give (it was edited or forged), so the app would answer from it otherwise than the log does; delete it (it is rebuilt from the log)`);
    return 'the index beside it matches the log';
  } finally {
    resumed.source?.close();
  }
}
