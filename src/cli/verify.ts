/**
 * `incumbent verify`: everything a log's bytes can prove. The hash chain, the head anchor beside
 * the log (its end), every record against its schema and every revision's target; and, given an
 * external anchor (a head published in a snapshot, an e-mail, a commit), that this log still has
 * that record at that position, which proves every record before it. An index stored beside the
 * log must hold what the log's records give.
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { IncumbentError } from '../core/errors';
import { Ledger } from '../core/ledger';
import { buildSnapshot, inFormat1, inFormat2, inFormat3, Snapshot, SNAPSHOT_FORMAT_1, SNAPSHOT_FORMAT_2, SNAPSHOT_FORMAT_3, snapshotJson } from '../core/snapshot';
import { checkStoredIndex } from '../store/check-index';
import { checkInto, mergeShapes, noShapes, SHARE_CHECKER } from '../store/check-lines';
import { noWholeRecord } from '../store/line-checks';
import { anchorPath, readAnchor } from '../store/head-anchor';
import { indexPath } from '../store/index-cache';
import { checkTail, olderRulesWarning, validateRecords, type TailCheck } from '../store/integrity';
import { heldByLiveWriter } from '../store/lock';
import { requireLogFile } from '../store/log-file';
import { isPostgresUrl, openLogStore } from '../store/log-store';
import { readLog } from '../store/read-log';
import { GENESIS_HASH } from '../store/seal';
import { readInput } from './io';

export interface VerifyOptions {
  /** `SEQ:HASH`: record SEQ must have this SHA-256. */
  head?: string;
  /** An exported snapshot whose provenance must match this log. */
  snapshot?: string;
}

/** What external anchors are checked against: the records and each one's hash. */
interface Proof {
  ledger: Ledger;
  hashOf(seq: number): string;
}

const unanchored = (path: string, head: number) =>
  `no head anchor (${anchorPath(path)}) beside the log, or one that never named a head: its ${head} records and their chain check out, but records cut from its end, or its last records rewritten, could not be detected. Copy the .head file with the log, or check its end against a head you published (--head ${head}:HASH, or --snapshot with a snapshot of it); a log written by hand gets its anchor when it is first opened for writing (the app, or incumbent append)`;

/** Checks `head` (SEQ:HASH) against the log; `matched` is given the SEQ of each head that matches. */
function checkHead(contents: Proof, head: string, matched: number[] = []): string {
  // A hash copied from a tool that prints hex in capitals is the same hash.
  const match = /^(\d+):([0-9a-f]{64})$/.exec(head.toLowerCase());
  if (!match) throw new IncumbentError('invalid', `"${head}" must be SEQ:HASH, e.g. 41:3f0c...(64 hex digits)`, '--head');
  const seq = Number(match[1]);
  // Past 2^53 the number read is not the one typed (a typo), and no log holds that many records: no damage to report.
  if (!Number.isSafeInteger(seq)) throw new IncumbentError('invalid', `"${head}": ${match[1]} is more records than any log holds; check the SEQ`, '--head');
  if (seq < 1) throw new IncumbentError('invalid', `"${head}": records are numbered from 1`, '--head');
  if (seq > contents.ledger.head) throw new IncumbentError('damaged', `the log has no record #${seq} (it has ${contents.ledger.head}): records were removed since that head was published`);
  if (contents.hashOf(seq) !== match[2]) throw new IncumbentError('damaged', `record #${seq} has hash ${contents.hashOf(seq)}, not the published ${match[2]}: the log was changed at or before #${seq}`);
  matched.push(seq);
  return `head #${seq} matches`;
}

/** How an earlier format wrote what the log gives now: the content of a snapshot in that format is compared with it. */
const earlierFormats: Record<string, (snapshot: Snapshot) => unknown> = { [SNAPSHOT_FORMAT_1]: inFormat1, [SNAPSHOT_FORMAT_2]: inFormat2, [SNAPSHOT_FORMAT_3]: inFormat3 };

/**
 * The snapshot in `file` (as read, and as its schema reads it), or why it is not one: the first
 * field at fault, by its path. Of a snapshot in an earlier format (/1, /2, /3) only the provenance is
 * read: its content is compared, byte for byte, with what the log gives as that format wrote it.
 */
function snapshotIn(file: string): { json: unknown; snapshot: Pick<Snapshot, 'provenance'>; asWritten: (snapshot: Snapshot) => unknown } {
  let json: unknown;
  try {
    json = JSON.parse(readInput(file, '--snapshot'));
  } catch (error) {
    if (error instanceof IncumbentError) throw error;
    throw new IncumbentError('invalid', `${file} is not an Incumbent snapshot: it is not JSON (${(error as Error).message})`, '--snapshot');
  }
  const format = (json as { format?: unknown } | null)?.format;
  const earlier = typeof format === 'string' && Object.hasOwn(earlierFormats, format) ? earlierFormats[format] : undefined;
  const parsed = earlier ? Snapshot.pick({ provenance: true }).safeParse(json) : Snapshot.safeParse(json);
  if (parsed.success) return { json, snapshot: parsed.data, asWritten: earlier ?? ((snapshot) => snapshot) };
  const issue = parsed.error.issues[0]!;
  throw new IncumbentError('invalid', `${file} is not an Incumbent snapshot: ${issue.path.length > 0 ? issue.path.join('.') : 'the document'}: ${issue.message}`, '--snapshot');
}

function checkSnapshot(contents: Proof, file: string, matched: number[] = []): string {
  const { json, snapshot, asWritten } = snapshotIn(file);
  const { provenance } = snapshot;
  // Another log's snapshot says nothing about this one: a wrong pairing given, not damage found.
  if (provenance.log.id !== contents.ledger.logId) throw new IncumbentError('invalid', `${file} is a snapshot of log "${provenance.log.id}", not of this log ("${contents.ledger.logId}"): verify it against that log`, '--snapshot');
  // As known before the first record, a snapshot names the chain's genesis, #0: no record to match.
  if (provenance.head.seq > 0) checkHead(contents, `${provenance.head.seq}:${provenance.head.hash}`, matched);
  else if (provenance.head.hash !== GENESIS_HASH) throw new IncumbentError('damaged', `the snapshot names head #0 with hash ${provenance.head.hash}, not the chain's start: the snapshot was edited`);
  // A snapshot as known at R names the head the log had at R; one whose R was moved keeps its old head.
  const knownHead = provenance.knownAt ? contents.ledger.knownSeq(provenance.knownAt) : provenance.head.seq;
  if (knownHead !== provenance.head.seq) throw new IncumbentError('damaged', `the snapshot says it is as known at ${provenance.knownAt}, when this log's head was #${knownHead}, not its #${provenance.head.seq}: the snapshot was edited`);
  // Replaying the log as it was at that head must give the snapshot's content, byte for byte: the
  // file as read, so a field its schema does not know counts as an edit too.
  const asThen = new Ledger();
  // log.created names the log even to a reader who knew none of it (head #0).
  for (const record of contents.ledger.records(1, Math.max(1, provenance.head.seq))) asThen.add(record);
  const request = { at: provenance.at, ...(provenance.knownAt ? { knownAt: provenance.knownAt, knownBy: provenance.knownBy } : {}), ...(provenance.company ? { company: provenance.company } : {}) };
  const rebuilt = buildSnapshot(asThen, request, (seq) => contents.hashOf(seq), provenance.appVersion);
  const expected = asWritten(rebuilt) as Snapshot;
  if (snapshotJson(expected) !== snapshotJson(json as Snapshot)) {
    const periods = periodsOnly(expected, json);
    if (periods > 0) throw new IncumbentError('damaged', `the snapshot's content is what this log gives at ${provenance.at} (head #${provenance.head.seq}) but only in the periods (from, to) of ${periods} fact${periods === 1 ? '' : 's'} known only to the day, month or year: worked out from time-zone rules, which differ between the runtime that made the snapshot and this one (tzdata ${process.versions.tz ?? 'unknown'} here); the facts, and whether the state counts each, match`);
    throw new IncumbentError('damaged', `the snapshot's content is not what this log gives at ${provenance.at} (head #${provenance.head.seq}): the snapshot was edited`);
  }
  return `snapshot of ${provenance.at} at head #${provenance.head.seq} matches`;
}

/**
 * How many uncertain facts' periods differ, if that is all that differs between the snapshot the log
 * gives and the one given (0 otherwise): the periods come from the runtime's time-zone rules, not
 * from the log, so they may differ where those rules changed without anything being edited.
 */
function periodsOnly(expected: Snapshot, given: unknown): number {
  type Periods = { companies?: { uncertain?: { from?: unknown; to?: unknown }[] }[] };
  const periodless = (document: Periods) => ({ ...document, companies: document.companies?.map((c) => ({ ...c, uncertain: c.uncertain?.map(({ from: _from, to: _to, ...fact }) => fact) })) });
  if (snapshotJson(periodless(expected) as Snapshot) !== snapshotJson(periodless(given as Periods) as Snapshot)) return 0;
  const theirs = (given as Periods).companies ?? [];
  return ((expected as Periods).companies ?? []).reduce((sum, company, c) => sum + (company.uncertain ?? []).filter((fact, f) => fact.from !== theirs[c]?.uncertain?.[f]?.from || fact.to !== theirs[c]?.uncertain?.[f]?.to).length, 0);
}

/** `matched`: given the seq of each head a published head or snapshot vouches for. */
const externalChecks = (proof: Proof, options: VerifyOptions, matched: number[] = []) => [options.head && checkHead(proof, options.head, matched), options.snapshot && checkSnapshot(proof, options.snapshot, matched)].filter(Boolean);

/**
 * A log in PostgreSQL: opening it read-only verifies the chain and validates every record; the
 * database itself keeps its end (no row is ever deleted or changed), so there is no anchor file.
 */
async function verifyPgLog(url: string, options: VerifyOptions): Promise<string> {
  const log = await openLogStore(url, { readOnly: true });
  try {
    const { ledger } = log;
    const external = externalChecks(log, options);
    return `ok: ${ledger.head} records, ${describeCompanies(ledger)}, "${ledger.title}", head ${ledger.head} ${log.hashOf(ledger.head)}; in ${log.path}${external.length ? `; ${external.join('; ')}` : ''}`;
  } finally {
    await log.close();
  }
}

function describeCompanies(ledger: Ledger): string {
  const companies = ledger.companies();
  const named = companies.length > 5 ? `${companies.slice(0, 5).join(', ')}, ...` : companies.join(', ');
  return `${companies.length} ${companies.length === 1 ? 'company' : 'companies'} (${named})`;
}

/**
 * `oneThread`: every record is parsed and checked on this thread (the reference the tests hold
 * the worker's checks to).
 */
export async function verifyLog(path: string, options: VerifyOptions = {}, oneThread = false): Promise<string> {
  if (isPostgresUrl(path)) return verifyPgLog(path, options);
  requireLogFile(path);
  for (let attempt = 1; ; attempt++) {
    const answer = await verifyFile(path, options, oneThread);
    if (typeof answer === 'string') return answer;
    if (attempt === WRITING_ATTEMPTS || (!answer.moved && (await anchorMoves(path, answer.anchor)) === undefined)) throw answer.damage;
  }
}

/** How many times an end a writer is writing is read again before it is reported; how long its anchor is waited for each time. */
const WRITING_ATTEMPTS = 5;
const WRITING_WAIT_MS = 5_000;

/**
 * Whether the anchor beside the log comes to name another head than `anchor` while a live writer
 * holds the lock: the end verify read was one the writer was writing, and is to be read again.
 */
async function anchorMoves(path: string, anchor: TailCheck['anchor']): Promise<TailCheck['anchor'] | undefined> {
  const named = (a: TailCheck['anchor']) => (typeof a === 'object' ? `${a.seq}:${a.hash}` : a);
  for (const until = Date.now() + WRITING_WAIT_MS; Date.now() < until && heldByLiveWriter(path); ) {
    const now = readAnchor(path);
    if (named(now) !== named(anchor)) return now;
    await sleep(10);
  }
  return undefined;
}

/**
 * Verifies the log file once. Records beyond the anchor and an unfinished last write are damage
 * (thrown), unless a live writer holds the lock: then they are what it is appending (lines go to
 * disk before the anchor moves). Records beyond it are vouched for once the anchor names the last
 * of them; else they, or an unfinished write, are returned with the anchor read (`moved`: it has
 * moved since), to be read again.
 */
async function verifyFile(path: string, options: VerifyOptions, oneThread: boolean): Promise<string | { damage: IncumbentError; anchor: TailCheck['anchor']; moved?: boolean }> {
  // Records are checked against their schemas as the log is read, by the thread that parses each
  // (see check-lines.ts). They are not kept: the rules for revisions read theirs again.
  let mine = noShapes();
  // An index beside the log is compared with the ids the log gives.
  const indexed = existsSync(indexPath(path));
  let ids = indexed ? ([] as string[]) : undefined;
  // Read first: records a writer appends while the log is read are then no missing ones (see checkTail).
  const anchorBefore = readAnchor(path);
  const contents = await readLog(path, {
    oneShot: true,
    fromStart: true,
    parseAll: oneThread,
    checker: SHARE_CHECKER,
    // Begun afresh by each read of the file (one begun again holds the answer).
    taken: () => {
      mine = noShapes();
      ids = indexed ? [] : undefined;
      return (record, whole) => {
        ids?.push(record.id);
        if (whole) checkInto(mine, record.seq, record);
      };
    },
  });
  const { ledger, digests, torn, source, share } = contents;
  try {
    // The anchor first: a cut that removed acknowledged records is damage, not an unfinished write.
    const tail = checkTail(path, contents, anchorBefore);
    if (tail.damage) throw new IncumbentError('damaged', tail.damage);
    // A torn line 1 (an init being written) is waited for like any other end a live writer is writing.
    const writing = torn
      ? ledger.head === 0
        ? noWholeRecord(torn)
        : new IncumbentError('damaged', `line ${torn.line}: ${torn.reason} (a write that did not finish); opening the log for writing moves it to a .corrupt side file`)
      : tail.beyond && new IncumbentError('damaged', tail.beyond);
    if (writing) {
      if (!heldByLiveWriter(path)) throw writing;
      if (torn) return { damage: writing, anchor: tail.anchor };
      const moved = await anchorMoves(path, tail.anchor);
      if (moved === undefined) throw writing;
      // Unless the anchor now names the last record read, as read (the writer's batch, acknowledged), read again.
      if (!(typeof moved === 'object' && moved.seq === ledger.head && moved.hash === digests.hexOf(ledger.head))) return { damage: writing, anchor: moved, moved: true };
    }
    // A share whose checker did not load is checked here, every record read again.
    const checked = !share ? mine : share.checked && mergeShapes(mine, share.checked, share.from);
    const older = olderRulesWarning(validateRecords(ledger, 0, checked));
    const matched: number[] = [];
    const external = externalChecks({ ledger, hashOf: (seq) => digests.hexOf(seq) }, options, matched);
    const index = ids && (await checkStoredIndex(path, contents, ids));
    if (index) external.push(index);
    // Without an anchor nothing shows that no record was cut from the end, unless a head published
    // for the last record does (given as --head, or a snapshot's).
    if (tail.anchor === 'missing' && !matched.includes(ledger.head)) {
      const damage = new IncumbentError('damaged', unanchored(path, ledger.head));
      // A live writer opening a log written by hand is about to anchor it: read again once it has.
      if (heldByLiveWriter(path)) return { damage, anchor: tail.anchor };
      throw damage;
    }
    const anchored = tail.notice ? `; ${tail.notice}` : '; end matches its head anchor';
    return `ok: ${ledger.head} records${older.length ? ` (${older[0]})` : ''}, ${describeCompanies(ledger)}, "${ledger.title}", head ${ledger.head} ${digests.hexOf(ledger.head)}${anchored}${external.length ? `; ${external.join('; ')}` : ''}`;
  } finally {
    source?.close();
  }
}
