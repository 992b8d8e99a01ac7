/**
 * Schema checks of every record of a large log, shared between a worker thread and the caller, so
 * that `verify` checks records beside reading and indexing the log rather than after it (each
 * takes about as long as the other). The worker reads the file and checks lines from the start
 * while the log is read; then the caller checks its parsed records from the end, and the two stop
 * where they meet. Revisions are not checked here: their rules need the whole ledger.
 *
 * The worker is TypeScript (it runs the record schema), so this is for processes running under tsx,
 * as the CLI does.
 */
import type { EventRecord } from '../core/event';
import { checkStoredRecord } from '../core/validate';
import { tsWorker } from './ts-worker';

/** Below this size the worker's start (about 0.3 s for tsx) costs more than it saves. */
export const CHECK_IN_WORKER_BYTES = 64 << 20;

export interface LineShapes {
  /** What today's content rules would refuse, by line: records written under older rules. */
  olderRules: Map<number, string>;
  /** The first line that is not a valid record, and why (checking stops there). */
  problem?: { line: number; message: string };
}

/**
 * Where the two sides are, in a shared buffer: the line the worker is at, and the lowest line the
 * caller has taken. Each side publishes its line before reading the other's. The worker stops once
 * its line is past the caller's, the caller once its line is at or below the worker's: so when both
 * publish the same line, the worker checks it and the caller does not, and no line is missed (one
 * may be checked by both, which is harmless). Stopping both at a tie missed that line: a review
 * found it in a model of the two threads (657 of 3,000 meetings).
 */
const WORKER_AT = 0;
const CALLER_FROM = 1;

/** A buffer for the two sides' positions, shared with the worker. */
export function meetingPoint(): Int32Array {
  const position = new Int32Array(new SharedArrayBuffer(8));
  position[CALLER_FROM] = 0x7fffffff;
  return position;
}

/** The worker, going up, at `line`: whether it checks that line (false: the caller has it; stop). */
export function workerTakes(position: Int32Array, line: number): boolean {
  Atomics.store(position, WORKER_AT, line);
  return line <= Atomics.load(position, CALLER_FROM);
}

/** The caller, going down, at `line`: whether it checks that line (false: the worker has it; stop). */
export function callerTakes(position: Int32Array, line: number): boolean {
  Atomics.store(position, CALLER_FROM, line);
  return line > Atomics.load(position, WORKER_AT);
}

/** What tells one file from another: the worker must have read the file the caller read. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}
const sameFile = (a: FileIdentity, b: FileIdentity) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;

export interface LineCheck {
  /**
   * Checks `records` from the last one down until it meets the worker, then merges both sides'
   * findings. Rejects when the worker read another file than `read` (what the caller's path was
   * before and after the caller read it: replaced or rewritten meanwhile), or failed.
   */
  finish(records: readonly EventRecord[], read: readonly FileIdentity[]): Promise<LineShapes>;
  /** Stops the worker: its answer is no longer wanted (the log was refused for another reason). */
  cancel(): void;
}

/** Checks one record into `shapes`; false once a record is not valid (checking stops). */
export function checkInto(shapes: LineShapes, line: number, record: unknown): boolean {
  try {
    const olderRule = checkStoredRecord(record);
    if (olderRule) shapes.olderRules.set(line, olderRule);
    return true;
  } catch (error) {
    shapes.problem = { line, message: (error as Error).message };
    return false;
  }
}

export function checkLinesInWorker(path: string): LineCheck {
  const position = meetingPoint();
  const worker = tsWorker(new URL('./check-lines.worker.ts', import.meta.url), { path, position });
  const fromWorker = new Promise<{ shapes: LineShapes; file: FileIdentity }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the record checker stopped (exit code ${code}) before it answered`)));
  });
  // Rejections are the caller's to see when it awaits; a cancelled check is not one of them.
  fromWorker.catch(() => undefined);

  const finish = async (records: readonly EventRecord[], read: readonly FileIdentity[]): Promise<LineShapes> => {
    const mine: LineShapes = { olderRules: new Map() };
    for (let line = records.length; line >= 1; line--) if (!callerTakes(position, line) || !checkInto(mine, line, records[line - 1])) break;
    const { shapes: theirs, file } = await fromWorker;
    if (!read.every((identity) => sameFile(identity, file))) throw new Error('the record checker read another file than this thread (it was replaced or rewritten meanwhile)');
    const problems = [theirs.problem, mine.problem].filter((p) => p !== undefined).sort((a, b) => a.line - b.line);
    return { olderRules: new Map([...theirs.olderRules, ...mine.olderRules]), ...(problems[0] ? { problem: problems[0] } : {}) };
  };
  return { finish, cancel: () => void worker.terminate() };
}
