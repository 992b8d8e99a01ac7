/**
 * Schema checks of every line of a log file, in a worker thread, so that `verify` checks a large
 * log's records beside reading and indexing it rather than after (each takes about as long as
 * the other). Revisions are not checked here: their rules need the whole ledger.
 *
 * The worker is TypeScript (it runs the record schema), so this is for processes running under tsx,
 * as the CLI does; it boots tsx itself, because loader hooks do not reach worker threads.
 */
import { Worker } from 'node:worker_threads';

/** Below this size the worker's start (about 0.3 s for tsx) costs more than it saves. */
export const CHECK_IN_WORKER_BYTES = 64 << 20;

export interface LineShapes {
  /** What today's content rules would refuse, by line: records written under older rules. */
  olderRules: Map<number, string>;
  /** The first line that is not a valid record, and why (the worker stops there). */
  problem?: { line: number; message: string };
}

export interface LineCheck {
  result: Promise<LineShapes>;
  /** Stops the worker: its answer is no longer wanted (the log was refused for another reason). */
  cancel(): void;
}

export function checkLinesInWorker(path: string): LineCheck {
  const entry = new URL('./check-lines.worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { path } });
  const result = new Promise<LineShapes>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the record checker stopped (exit code ${code}) before it answered`)));
  });
  // Rejections are the caller's to see when it awaits; a cancelled check is not one of them.
  result.catch(() => undefined);
  return { result, cancel: () => void worker.terminate() };
}
