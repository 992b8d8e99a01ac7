/**
 * Schema checks of every record of a log, made as it is read (`verify`): the thread reading it
 * checks the records it parses, and for a large log the worker that parses the rest for the index
 * checks those as it parses them (`share-checker.ts`). So each line is parsed once, by one thread,
 * and the worker checks the records whose fields it hands over for the index.
 * Revisions are not checked here, only noted by line: their rules need the whole ledger.
 */
import { checkStoredRecord } from '../core/validate';

export interface LineShapes {
  /** What today's content rules would refuse, by line: records written under older rules. */
  olderRules: Map<number, string>;
  /** The first line that is not a valid record, and why (checking stops there). */
  problem?: { line: number; message: string };
  /** The lines of corrections and retractions checked, ascending: what the revision rules visit. */
  revisions: number[];
}

export const noShapes = (): LineShapes => ({ olderRules: new Map(), revisions: [] });

/** The module the reading worker checks its share with: its TypeScript source, or the CLI's bundle of it. */
export const SHARE_CHECKER = new URL(`./share-checker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

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

/**
 * What the reading thread found (`mine`, by line) and what the worker found in its share (`share`,
 * by index there), for a share starting at line `from`. The reader also parses some lines of the
 * share (the revisions among them): for those, the worker's word counts.
 */
export function mergeShapes(mine: LineShapes, share: LineShapes, from: number): LineShapes {
  if (mine.problem && mine.problem.line < from) return mine;
  const line = (index: number) => from + index;
  return {
    olderRules: new Map([...[...mine.olderRules].filter(([at]) => at < from), ...[...share.olderRules].map(([index, rule]) => [line(index), rule] as const)]),
    revisions: [...mine.revisions.filter((at) => at < from), ...share.revisions.map(line)],
    ...(share.problem ? { problem: { line: line(share.problem.line), message: share.problem.message } } : {}),
  };
}
