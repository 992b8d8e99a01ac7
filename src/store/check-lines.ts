/**
 * Schema checks of every record of a large log, shared between a worker thread and the caller, so
 * that `verify` checks records beside reading and indexing the log rather than after it (each
 * takes about as long as the other). The worker reads the file and checks lines from the start
 * while the log is read; then the caller checks its parsed records from the end, and the two stop
 * where they meet. Revisions are not checked here: their rules need the whole ledger.
 *
 * The worker is TypeScript (it runs the record schema), so this is for processes running under tsx,
 * as the CLI does; it boots tsx itself, because loader hooks do not reach worker threads.
 */
import { Worker } from 'node:worker_threads';
import type { EventRecord } from '../core/event';
import { checkStoredRecord } from '../core/validate';

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
 * caller has taken. Each side publishes a line before checking it and stops on reaching the
 * other's, so no line is missed (one may be checked twice, which is harmless).
 */
export const WORKER_AT = 0;
export const CALLER_FROM = 1;

export interface LineCheck {
  /** Checks `records` from the last one down until it meets the worker, then merges both sides' findings. */
  finish(records: readonly EventRecord[]): Promise<LineShapes>;
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
  const position = new Int32Array(new SharedArrayBuffer(8));
  position[CALLER_FROM] = 0x7fffffff;
  const entry = new URL('./check-lines.worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { path, position } });
  const fromWorker = new Promise<LineShapes>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the record checker stopped (exit code ${code}) before it answered`)));
  });
  // Rejections are the caller's to see when it awaits; a cancelled check is not one of them.
  fromWorker.catch(() => undefined);

  const finish = async (records: readonly EventRecord[]): Promise<LineShapes> => {
    const mine: LineShapes = { olderRules: new Map() };
    for (let line = records.length; line >= 1; line--) {
      Atomics.store(position, CALLER_FROM, line);
      if (line <= Atomics.load(position, WORKER_AT) || !checkInto(mine, line, records[line - 1])) break;
    }
    const theirs = await fromWorker;
    const problems = [theirs.problem, mine.problem].filter((p) => p !== undefined).sort((a, b) => a.line - b.line);
    return { olderRules: new Map([...theirs.olderRules, ...mine.olderRules]), ...(problems[0] ? { problem: problems[0] } : {}) };
  };
  return { finish, cancel: () => void worker.terminate() };
}
