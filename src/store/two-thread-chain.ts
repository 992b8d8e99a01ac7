/**
 * The chain of a log read on two threads: this thread takes each line's digest as the next line's
 * prevhash claims it, and the worker hashes every line; the two must agree.
 */
import { damaged, CHAIN_BROKEN } from './line-checks';
import type { Digests } from './digests';
import type { LineDigests } from './lines-worker';

export const CHANGED_WHILE_OPENING = 'the file changed while it was being opened (written or replaced by another program); open it again';

/** The first line whose digest differs from what the next line's prevhash claims, among those read; 0 if none. */
export async function firstBreak(claimed: Digests, parallel: Promise<LineDigests>): Promise<number> {
  const hashed = await parallel.catch(() => undefined);
  const differs = hashed ? claimed.firstDifference(hashed.digests, Math.min(claimed.count, hashed.count)) : 0;
  return differs && differs + 1;
}

/**
 * Checks the digests the prevhashes claimed (line 1's was checked as it was read) against those the
 * worker computed from the file (through the same descriptor), and completes them with the last record's, hashed here from the
 * bytes that were read: the worker's must match it, or the file changed while it was opened.
 */
export function verifyChain(claimed: Digests, hashed: LineDigests, head: number, last: string): void {
  if (hashed.count < head) throw damaged(hashed.count + 1, CHANGED_WHILE_OPENING);
  const broken = claimed.firstDifference(hashed.digests, head - 1);
  if (broken) throw damaged(broken + 1, CHAIN_BROKEN);
  if (hashed.digests.toString('hex', (head - 1) * 32, head * 32) !== last) throw damaged(head, CHANGED_WHILE_OPENING);
  claimed.truncate(head - 1);
  claimed.push(last);
}
