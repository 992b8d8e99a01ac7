/**
 * What a log's bytes prove beyond the chain: whether its end is the end its writer acknowledged
 * (the head anchor), and whether every record that no anchor vouches for is a valid record.
 *
 * Invariant: every record of an opened log was either validated when it was appended and is vouched
 * for by the head anchor, or is validated here. So whatever `verify` would refuse, no writer builds
 * on (short of someone forging the anchor too: external anchors, `verify --head`, catch that).
 */
import type { EventRecord } from '../core/event';
import { correctionFutureProblem } from '../core/future-time';
import type { Ledger } from '../core/ledger';
import { checkRevision } from '../core/revision';
import { toEpoch } from '../core/time';
import { checkStoredRecord } from '../core/validate';
import type { LineShapes } from './check-lines';
import type { Digests } from './digests';
import { damaged } from './line-checks';
import { anchorPath, readAnchor, type Anchor } from './head-anchor';
import type { LogContents } from './read-log';

export interface TailCheck {
  anchor: Anchor | 'missing' | 'unreadable';
  /** Records up to this seq are vouched for by the anchor; the rest need validating. */
  vouched: number;
  /** Damage at the end of the log that only the anchor can show; undefined when the end is intact. */
  damage?: string;
  /** Said to a reader even when nothing is damaged (no anchor to check the end against). */
  notice?: string;
  /**
   * Records after the anchor: a crash between writing a batch and moving the anchor leaves them,
   * and so does a writer that ignored the lock. A writer takes them in (they are validated);
   * `verify` reports them until then.
   */
  beyond?: string;
}

/**
 * Compares the end of the log with its head anchor. `before`: the anchor as read before the log
 * was. A writer moves the anchor only once its lines are on disk, so the anchor read before the log
 * names no record the read could miss; the one read now may name records a writer appended since
 * (a reader never holds the lock), which are no loss. The newer is taken unless it is beyond what
 * was read. Without `before`, the anchor is read now (a writer, which holds the lock, has no other).
 */
export function checkTail(path: string, contents: LogContents, before?: TailCheck['anchor']): TailCheck {
  const { ledger, digests, torn } = contents;
  const head = ledger.head;
  const now = readAnchor(path);
  const anchor = before !== undefined && typeof now === 'object' && now.seq > head ? before : now;
  const restore = `If the change was intended (a log restored from a backup), delete ${anchorPath(path)} to accept the log as it is now.`;
  if (anchor === 'missing') return { anchor, vouched: 0, notice: `no head anchor (${anchorPath(path)}) beside the log, or one that never named a head: a change to its last records could not be detected` };
  if (anchor === 'unreadable') return { anchor, vouched: 0, damage: `its head anchor ${anchorPath(path)} is unreadable, so the end of the log cannot be checked. ${restore}` };
  if (anchor.seq > head) {
    const cut = torn && torn.line <= anchor.seq ? `record #${torn.line} onwards is incomplete on disk` : `the log ends at #${head}`;
    return { anchor, vouched: 0, damage: `records #${head + 1}-#${anchor.seq} were acknowledged but are missing: ${cut} (cut or deleted after it was written). ${restore}` };
  }
  if (digests.hexOf(anchor.seq) !== anchor.hash) {
    return { anchor, vouched: 0, damage: `record #${anchor.seq} is not the record that was written there (its hash differs from the head anchor): the end of the log was edited or rewritten. ${restore}` };
  }
  if (head > anchor.seq) {
    return { anchor, vouched: anchor.seq, beyond: `records #${anchor.seq + 1}-#${head} are beyond the head anchor (#${anchor.seq}): a crash came before the anchor was moved, or they were written without the lock; they are valid records, and opening the log for writing accepts them` };
  }
  return { anchor, vouched: anchor.seq };
}

/**
 * Validates records after `from` against their schemas and the revision rules, as `verify` does
 * for all of them. Throws `damaged` naming the line. `shapes`: the schema checks, already made
 * elsewhere (as the log was read) for every line of the same file; then only the revisions are
 * read again, for their rules, and the line of the first problem.
 */
export function validateRecords(ledger: Ledger, from = 0, shapes?: LineShapes): string[] {
  const olderRules: [number, string][] = [];
  // Revisions among the records checked here; those written before `from` (already checked) the
  // ledger noted as it read them. Only the new records are visited: a catch-up after each append
  // costs what it reads, not the whole log.
  const revised = new Map<string, string>();
  const revisionOf = (id: string) => {
    if (revised.has(id)) return revised.get(id);
    const first = ledger.firstRevisionOf(id);
    return first !== undefined && ledger.byId(first)!.seq <= from ? first : undefined;
  };
  for (const record of shapes ? revisionsAndProblem(ledger, shapes) : ledger.records(from + 1)) {
    const before = (id: string) => {
      const found = ledger.byId(id);
      return found && found.seq < record.seq ? found : undefined;
    };
    checkRecord(record, { before, revisionOf }, olderRules, shapes);
    const target = revisedTarget(record);
    if (target !== undefined && !revised.has(target)) revised.set(target, record.id);
  }
  return [...(shapes?.olderRules ?? []), ...olderRules].sort(([a], [b]) => a - b).map(([line, rule]) => `line ${line}: ${rule}`);
}

/**
 * Checks a batch before the ledger takes it, as validateRecords would once it had, for a log read
 * from elsewhere than its own file (a database others append to). A record `verify` refuses then
 * never joins an open log, not even in a live log's catch-up after opening: it is never served,
 * nor appended on top of. A taken id is refused here too: the ledger would refuse it halfway
 * through the batch, leaving the batch's first records in.
 */
export function vetBatch(ledger: Ledger, batch: readonly EventRecord[]): void {
  const inBatch = new Map<string, EventRecord>();
  const revised = new Map<string, string>();
  for (const record of batch) {
    const taken = ledger.seqOf(record.id) ?? inBatch.get(record.id)?.seq;
    if (taken !== undefined) throw damaged(record.seq, `duplicate id "${record.id}" (first at line ${taken})`);
    // The ledger holds only records before the batch, and inBatch the batch's before this one.
    const before = (id: string) => ledger.byId(id) ?? inBatch.get(id);
    const revisionOf = (id: string) => (revised.has(id) ? revised.get(id) : ledger.firstRevisionOf(id));
    checkRecord(record, { before, revisionOf }, []);
    inBatch.set(record.id, record);
    const target = revisedTarget(record);
    if (target !== undefined && !revised.has(target)) revised.set(target, record.id);
  }
}

interface Lookups {
  /** The record with this id written before the one checked. */
  before: (id: string) => EventRecord | undefined;
  revisionOf: (id: string) => string | undefined;
}

/** One record's schema and revision rules: throws `damaged` naming its line; notes what only older rules allowed. */
function checkRecord(record: EventRecord, { before, revisionOf }: Lookups, olderRules: [number, string][], shapes?: LineShapes): void {
  try {
    if (shapes?.problem?.line === record.seq) throw new Error(shapes.problem.message);
    const olderRule = shapes ? undefined : checkStoredRecord(record);
    if (olderRule) olderRules.push([record.seq, olderRule]);
    checkRevision(record, { find: before, revisionOf });
    const moved = correctionFutureProblem(record, before, toEpoch(record.recordedtime));
    if (moved) olderRules.push([record.seq, `${moved.field}: ${moved.message}`]);
  } catch (error) {
    throw damaged(record.seq, (error as Error).message);
  }
}

/** The event a correction or retraction revises. */
const revisedTarget = (record: EventRecord): string | undefined =>
  record.type === 'event.corrected' || record.type === 'event.retracted' ? (record as Extract<EventRecord, { type: 'event.corrected' | 'event.retracted' }>).data.target : undefined;

/** The records a check that has `shapes` still visits, in order: the revisions, and the first problem. */
function* revisionsAndProblem(ledger: Ledger, shapes: LineShapes): Generator<EventRecord> {
  const lines = shapes.problem ? [...shapes.revisions.filter((line) => line < shapes.problem!.line), shapes.problem.line] : shapes.revisions;
  for (const line of lines) yield ledger.record(line)!;
}

/** One warning for records that today's content rules would refuse (they were written before them). */
export const olderRulesWarning = (olderRules: string[]): string[] =>
  olderRules.length === 0 ? [] : [`${olderRules.length} record(s) were written before today's content rules and would be refused now (they are kept and replayed as written), e.g. ${olderRules[0]}`];

/** True when record `seq` of this log has the given hash (an external anchor). */
export const hasHead = (digests: Digests, seq: number, hash: string): boolean => seq >= 1 && seq <= digests.count && digests.hexOf(seq) === hash;
