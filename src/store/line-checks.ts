/** What a line must be to join a log, said the same way by every reader (`readLog`, `ChainReader`). */
import type { EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { eventTypes } from '../core/vocabulary';

const knownTypes = new Set<string>(eventTypes);

// Before line 1 there is nothing to keep: a file refused there is more likely not a log at all (a snapshot given as one) than to be saved by emptying it.
export const damaged = (line: number, reason: string) =>
  new IncumbentError('damaged', `line ${line}: ${reason}; the log was not opened${line === 1 ? ': the file is not an Incumbent log, or one damaged from its first line: check that it is the log meant.' : '. Restore it from a backup, or truncate it before this line.'}`);

/**
 * A file with no whole record: its first line is not JSON, cut short, or a batch's start. There is
 * no log to recover by setting that line aside (a writer would be left with none), so every reader
 * refuses it as at its first line, whatever the reason: never as a torn end to be moved aside.
 */
export const noWholeRecord = (torn: { reason: string }) => damaged(1, torn.reason);

export const CHAIN_BROKEN = 'hash chain broken: prevhash does not match the previous line (edited or reordered)';

/**
 * Checks one parsed line against the ledger so far, and the chain: against the previous line's
 * digest, or (a function) by handing the record's claim of it on, false when it can match no digest.
 */
export function problemWith(value: unknown, line: number, prevhash: string | ((record: Partial<EventRecord>) => boolean) | undefined): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Partial<EventRecord>;
  if (record.seq !== line) return `sequence is ${String(record.seq)}, expected ${line}`;
  if (typeof prevhash === 'function' ? !prevhash(record) : prevhash !== undefined && record.prevhash !== prevhash) return CHAIN_BROKEN;
  // A claim handed on was the function's to judge (a worker hands one over as bytes, not as text).
  if (typeof prevhash !== 'function' && typeof record.prevhash !== 'string') return 'missing prevhash';
  if (typeof record.type !== 'string' || !knownTypes.has(record.type)) return `unknown event type ${JSON.stringify(record.type)}`;
  if (line === 1 && record.type !== 'log.created') return 'the first record must be log.created';
  if (typeof record.id !== 'string' || record.id === '') return 'missing id';
  if (record.type !== 'log.created' && typeof record.subject !== 'string') return 'missing subject';
  if (typeof record.data !== 'object' || record.data === null) return 'missing data';
  if (record.batchend !== undefined && !(Number.isSafeInteger(record.batchend) && record.batchend >= line)) return `batchend is ${String(record.batchend)}, expected a seq at or after ${line}`;
  return undefined;
}
