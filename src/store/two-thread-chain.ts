/**
 * The chain of a log read on two threads. Each thread hashes the lines it parses, from the bytes it
 * parsed them from; this thread takes the digest of each line the worker parsed as the next line's
 * prevhash claims it, and the worker's must agree. So every field indexed comes from bytes the chain
 * verifies, whatever was written to the file meanwhile.
 */
import { damaged, CHAIN_BROKEN } from './line-checks';
import type { Digests } from './digests';
import type { LineDigests } from './lines-worker';
import { readFully } from './read-fully';

export const CHANGED_WHILE_OPENING = 'the file changed while it was being opened (written or replaced by another program); open it again';

/** What a difference at share line `line` means: a line hashed here read other bytes than the worker's, or a claim the worker's hash refutes. */
const differenceAt = (line: number, hashedHere: ReadonlySet<number>) => (hashedHere.has(line) ? damaged(line, CHANGED_WHILE_OPENING) : damaged(line + 1, CHAIN_BROKEN));

/**
 * Checks the digests of the share's lines `from` to `head` (hashed here for the lines this thread
 * read, `hashedHere`; as claimed for the others) against those the worker hashed, and completes
 * them with the last line's, when the worker parsed it.
 */
export function verifyShare(known: Digests, hashed: LineDigests, from: number, head: number, hashedHere: ReadonlySet<number>): void {
  const count = head - from + 1;
  if (count <= 0) return;
  if (hashed.count < count) throw damaged(from + hashed.count, CHANGED_WHILE_OPENING);
  if (known.count < head) known.push(hashed.digests.toString('hex', (count - 1) * 32, count * 32));
  const differs = known.firstDifference(hashed.digests, count, from);
  if (differs) throw differenceAt(differs, hashedHere);
}

/** The damage a difference between the digests taken so far and the worker's shows, if any: what a read line by line would have reported first. */
export async function firstBreak(known: Digests, parallel: Promise<LineDigests>, from: number | undefined, hashedHere: ReadonlySet<number>): Promise<Error | undefined> {
  const hashed = from === undefined ? undefined : await parallel.catch(() => undefined);
  if (!hashed || from === undefined) return undefined;
  const differs = known.firstDifference(hashed.digests, Math.max(0, Math.min(known.count - from + 1, hashed.count)), from);
  return differs ? differenceAt(differs, hashedHere) : undefined;
}

/** A line read again here, which the worker left to this thread. */
export function readLine(fd: number, start: number, end: number, line: number): Buffer {
  const bytes = Buffer.allocUnsafe(end - start);
  if (readFully(fd, bytes, start) < bytes.length) throw damaged(line, CHANGED_WHILE_OPENING);
  return bytes;
}
