/**
 * Schema checks of every record of a large log, split the way reading it is split (`read-log.ts`):
 * the thread reading the log checks the lines it parses in full, those that start before
 * `ownShareEnd`, as it parses them; a worker reads the file again and checks the lines from there
 * on, beside the worker that parses them for the index. So `verify` parses each line twice at most
 * (was: three times, and it kept a million records in memory to check them after reading).
 * Revisions are not checked here, only noted by line: their rules need the whole ledger.
 *
 * The worker runs the record schema: it is TypeScript, run through tsx, or the CLI's bundle of it.
 */
import { checkStoredRecord } from '../core/validate';
import { tsWorker } from './ts-worker';

/** Below this size the worker's start (about 0.3 s for tsx) costs more than it saves. */
export const CHECK_IN_WORKER_BYTES = 64 << 20;

export interface LineShapes {
  /** What today's content rules would refuse, by line: records written under older rules. */
  olderRules: Map<number, string>;
  /** The first line that is not a valid record, and why (checking stops there). */
  problem?: { line: number; message: string };
  /** The lines of corrections and retractions checked, ascending: what the revision rules visit. */
  revisions: number[];
}

export const noShapes = (): LineShapes => ({ olderRules: new Map(), revisions: [] });

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
   * What the worker found, merged with what the caller found in the lines before its share
   * (`mine`). Rejects when the worker read another file than `read` (what the caller's path was
   * before and after the caller read it: replaced or rewritten meanwhile), or failed.
   */
  finish(mine: LineShapes, read: readonly FileIdentity[]): Promise<LineShapes>;
  /** Stops the worker: its answer is no longer wanted (the log was refused for another reason). */
  cancel(): void;
}

const isRevision = (record: unknown) => {
  const type = (record as { type?: unknown }).type;
  return type === 'event.corrected' || type === 'event.retracted';
};

/**
 * Checks one record into `shapes`, lines in ascending order; false once a record is not valid
 * (checking stops: later lines are not looked at).
 */
export function checkInto(shapes: LineShapes, line: number, record: unknown): boolean {
  if (shapes.problem) return false;
  try {
    const olderRule = checkStoredRecord(record);
    if (olderRule) shapes.olderRules.set(line, olderRule);
    if (isRevision(record)) shapes.revisions.push(line);
    return true;
  } catch (error) {
    shapes.problem = { line, message: (error as Error).message };
    return false;
  }
}

/** Checks, in a worker, the lines of the file at `path` that start at or after byte `from`. */
export function checkLinesInWorker(path: string, from: number): LineCheck {
  // Beside this module: its TypeScript source, or the CLI's bundle of it (see scripts/cli-bundle.js).
  const worker = tsWorker(new URL(`./check-lines.worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url), { path, from });
  const fromWorker = new Promise<{ shapes: LineShapes; file: FileIdentity }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the record checker stopped (exit code ${code}) before it answered`)));
  });
  // Rejections are the caller's to see when it awaits; a cancelled check is not one of them.
  fromWorker.catch(() => undefined);

  const finish = async (mine: LineShapes, read: readonly FileIdentity[]): Promise<LineShapes> => {
    const { shapes: theirs, file } = await fromWorker;
    if (!read.every((identity) => sameFile(identity, file))) throw new Error('the record checker read another file than this thread (it was replaced or rewritten meanwhile)');
    // The caller's lines all come before the worker's: a problem the caller found ends the check there.
    if (mine.problem) return mine;
    return {
      olderRules: new Map([...mine.olderRules, ...theirs.olderRules]),
      revisions: [...mine.revisions, ...theirs.revisions],
      ...(theirs.problem ? { problem: theirs.problem } : {}),
    };
  };
  return { finish, cancel: () => void worker.terminate() };
}
