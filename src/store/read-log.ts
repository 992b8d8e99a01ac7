/**
 * Reading a log: stream the file, hash and parse each line, verify the chain, and index the records
 * (left on disk and read back when a question reaches them; see `LineSource`). A torn tail (a crash
 * mid-append) is reported separately so the caller can set it aside; any other damage is refused
 * with its line number, because silently skipping history would be worse.
 */
import { constants } from 'node:buffer';
import { closeSync, fstatSync, openSync } from 'node:fs';
import type { EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { Ledger } from '../core/ledger';
import { Digests } from './digests';
import { eachLineYielding } from './each-line';
import { readStoredIndex } from './index-cache';
import { LineSource } from './line-source';
import { readLinesInWorker, type LineDigests, type LinesWorker } from './lines-worker';
import type { PrefixHash } from './block-hash';
import { PARALLEL_READING_BYTES, shareStart } from './read-share';
import type { LineShapes } from './check-lines';
import { damaged, problemWith } from './line-checks';
import { snapshotNotLog, snapshotSaid } from './not-a-log';
import { begin } from './read-start';
import { CHANGED_WHILE_OPENING, firstBreak, readLine, verifyShare } from './two-thread-chain';
import { readFully } from './read-fully';
import { stillAt, stillSince } from './still-file';
import { GENESIS_HASH } from './seal';
import type { ReadOptions } from './read-options';

const CHUNK = 8 << 20;
const { MAX_STRING_LENGTH } = constants;

/** In place of a line's value: why the line is no record, found before or while parsing it. */
class Unparsed {
  constructor(readonly reason: string) {}
}
const NOT_JSON = new Unparsed('not valid JSON');

/**
 * Line `bytes[start, end)` parsed. One longer than the runtime's longest string (a UTF-8 byte
 * decodes to at most one UTF-16 unit) is not decoded: V8 would throw a message naming no line.
 */
const parse = (bytes: Buffer, start = 0, end = bytes.length): unknown => {
  if (end - start > MAX_STRING_LENGTH) return new Unparsed(`it is ${end - start} bytes long, more than any record (the most this runtime can read as one line is ${MAX_STRING_LENGTH})`);
  try {
    return JSON.parse(bytes.toString('utf8', start, end)) as unknown;
  } catch {
    return NOT_JSON;
  }
};

export interface LogContents {
  ledger: Ledger;
  digests: Digests;
  /** Where the ledger reads its records back from (unless they were kept): close it with the log. */
  source?: LineSource;
  /** Bytes of verified content: where the next append goes. */
  validBytes: number;
  /** The bytes after the last good line, when the last write was torn. */
  torn?: { line: number; bytes: Buffer; reason: string };
  /** How many of the first bytes came from the index stored beside the log (0: every line was read). */
  fromIndex: number;
  /** The key of the first bytes of the log, as read, when it was worked out while reading (what an index is stored with): after a stored index. */
  prefix?: PrefixHash;
  /**
   * The file's ctime while two threads read it from the start (see `still-file.ts`): its bytes are
   * still those read while it stays so, and the key of an index to store can be worked out from
   * them once the log is open (see `jsonl-adapter.ts`), not while it is being opened.
   */
  stillSince?: number;
  /** The file that was read: a writer opens it again by its path, and must get this file, not one renamed over it since. */
  file: { dev: number; ino: number };
  /** Where a worker's share of the lines started, when one parsed the lines from there on; what its `checker` found in them. */
  share?: { from: number; checked?: LineShapes };
}

/** A batch of two or more records being read: it counts only once its last record is read. */
interface OpenBatch {
  end: number;
  firstLine: number;
  /** Byte offset of its first line: where a torn batch is cut. */
  offset: number;
  records: { record: EventRecord; whole: boolean }[];
}

/** Progress is told about this often, at most (in parts of the file). */
const PROGRESS_STEPS = 200;

/** Thrown by a read on two threads of a file that changed meanwhile: its answer may mix bytes from before and after. */
const READ_AGAIN = Symbol('read again');

/**
 * While a worker hashes a large log, any damage found here is reported after a broken chain
 * before it, if there is one: as reading line by line would have reported it. A large log whose
 * file changed while two threads read it is read again on one (see `still-file.ts`).
 */
export async function readLog(path: string, options: ReadOptions = {}): Promise<LogContents> {
  const fd = openSync(path, 'r');
  let contents: LogContents | undefined;
  // Progress never goes back: a read begun again tells nothing until it passes what was told.
  let most = 0;
  const { progress } = options;
  const told = progress && { progress: (read: number, size: number) => void (read >= most && progress((most = read), size)) };
  try {
    contents = await readOpened(fd, path, { ...options, ...told }, true).catch((error: unknown) => {
      if (error !== READ_AGAIN) throw error;
      // This thread hashes each line it parses: what it parsed is what the chain was verified with.
      return readOpened(fd, path, { ...options, ...told }, false);
    });
    // Nothing but a first line with no newline: a snapshot on one line is read so; it is no torn log.
    const asSnapshot = contents.torn && contents.ledger.head === 0 ? snapshotSaid(path, contents.torn.bytes) : undefined;
    if (asSnapshot) {
      // Its file is closed below: nothing reads from it again.
      contents = undefined;
      throw asSnapshot;
    }
    return contents;
  } catch (error) {
    throw snapshotNotLog(fd, path, error);
  } finally {
    // Records left on disk are read back through `fd` (the file opened, whatever its name is now).
    if (!contents?.source) closeSync(fd);
  }
}

/** Reads the log open on `fd`; `twoThreads`: a worker may hash it and parse a share, if it is large. */
async function readOpened(fd: number, path: string, { oneShot = false, keepRecords = false, storable = false, fromStart = keepRecords, parseAll = false, taken: taking, checker, progress, chained }: ReadOptions, twoThreads: boolean): Promise<LogContents> {
  const { size, dev, ino } = fstatSync(fd);
  const file = { dev, ino };
  const start = begin(fd, path, fromStart ? undefined : await readStoredIndex(path, fd, size), oneShot, keepRecords);
  const { stored, digests, lines, ledger } = start;
  const source = keepRecords ? undefined : lines;
  // A large log read from the start, unless this thread is to parse every line (its records whole):
  // a worker parses the lines from `split` on, and this thread those before it (see read-share.ts).
  // After a stored index, the lines appended since are few: read here.
  const split = shareStart(size);
  // Damage seen while two threads read a file that changed meanwhile may be of their mixing: the
  // file is then read again on this thread alone (see still-file.ts).
  const still = twoThreads && !stored && !parseAll && !keepRecords && size >= PARALLEL_READING_BYTES ? await stillSince(fd) : undefined;
  // Made before the worker starts: a factory that throws leaves no worker behind.
  const taken = taking?.();
  const worker: LinesWorker | undefined = still === undefined ? undefined : readLinesInWorker(fd, { parseFrom: split, checker });
  const changed = () => still !== undefined && !stillAt(fd, still);
  /** Lines of the worker's share that this thread read and hashed itself. */
  const hashedHere = new Set<number>();
  let shareFrom: number | undefined;
  const parallel: Promise<LineDigests> | undefined = worker?.digests;
  /** Whole records `taken` asked to keep: kept once the read is over (see below). */
  const held: EventRecord[] = [];
  try {
    // A worker that fails is handled where its answer is awaited; this keeps it from going unhandled meanwhile.
    parallel?.catch(() => undefined);
    // The hash of the log so far (`BlockHash`, what an index is stored with), carried on over the
    // lines after a stored index; for a large log read from the start, see `stillSince`.
    const runningHash = storable ? stored?.hash : undefined;
    let consumed = stored?.bytes ?? 0;
    const step = Math.ceil(size / PROGRESS_STEPS);
    /** `consumed` at the last step (progress told, the records chained so far given), and the bytes read then told. */
    let stepAt = consumed;
    let toldRead = consumed;
    progress?.(consumed, size);
    let line = ledger.head;
    let prevhash = stored ? digests.hexOf(line) : GENESIS_HASH;
    /** Whether the last line taken was hashed here (its digest `prevhash`), or parsed and hashed by the worker. */
    let hashedBefore = true;
    const claimed = ({ prevhash: claim }: Partial<EventRecord>) => typeof claim === 'string' && digests.pushHex(claim);
    /** The last line that passed its checks (its own, and the chain's as far as known). */
    let validated = line;
    let pendingFailure: { line: number; reason: string } | undefined;
    let batch: OpenBatch | undefined;
    const add = (record: EventRecord, at: number, whole: boolean) => {
      try {
        const keep = taken?.(record, whole) === true;
        if (source && whole && keep) held.push(record);
        if (source) ledger.index(record);
        else ledger.add(record);
      } catch (error) {
        // Reading an earlier line back (to confirm an id) can fail for its own reason, said as it is.
        if (error instanceof IncumbentError) throw error;
        throw damaged(at, (error as Error).message);
      }
    };

    /**
     * Takes the next line, parsed (or `Unparsed`; `whole` false: only the fields a worker parsed,
     * with its prevhash as the 32 bytes at `claimAt` in `claims`), `length` bytes long; `bytes`
     * (with its newline, if it has one) when this thread read it, which it hashes: every line is
     * hashed from the bytes it was parsed from.
     */
    const takeLine = (value: unknown, length: number, whole: boolean, bytes?: Buffer, claims?: Buffer, claimAt = 0) => {
      line += 1;
      // A bad line followed by more lines is damage in the middle, not a torn tail.
      if (pendingFailure) throw damaged(pendingFailure.line, pendingFailure.reason);
      if (value instanceof Unparsed) {
        pendingFailure = { line, reason: value.reason };
        return;
      }
      // The line before: hashed here, and checked now; or hashed by the worker, and what this line
      // claims of it is checked against the worker's digest once the worker has given them (a claim
      // that is no digest, in upper case say, matches no line). A worker hands a claim over as bytes.
      const chain = claims ? (hashedBefore ? () => claims.toString('hex', claimAt, claimAt + 32) === prevhash : () => (digests.pushBytes(claims, claimAt), true)) : hashedBefore ? prevhash : claimed;
      const problem = problemWith(value, line, chain);
      if (problem) throw damaged(line, problem);
      const record = value as EventRecord;
      validated = line;
      hashedBefore = bytes !== undefined;
      if (bytes) {
        runningHash?.update(bytes);
        digests.pushHashOf(bytes.subarray(0, length));
        prevhash = digests.hexOf(line);
        if (shareFrom !== undefined) hashedHere.add(line);
      }
      lines.note(consumed, consumed + length);
      if (batch && record.batchend !== batch.end) throw damaged(line, `batch #${batch.firstLine}-#${batch.end} is interrupted by a record outside it`);
      if (!batch && record.batchend !== undefined && record.batchend > line) batch = { end: record.batchend, firstLine: line, offset: consumed, records: [] };
      if (batch) batch.records.push({ record, whole });
      else add(record, line, whole);
      if (batch?.end === line) {
        for (const [index, member] of batch.records.entries()) add(member.record, batch.firstLine + index, member.whole);
        batch = undefined;
      }
      consumed += length + 1;
      if (consumed - stepAt < step) return;
      stepAt = consumed;
      // The bytes both threads have parsed, so that the time left can be told from the pace so far:
      // this thread takes the worker's lines (from `split` on) in a fraction of the time they took
      // to parse. Lines appended while it is read are read too, but the size told stays the one it started with.
      const read = Math.min(size, worker ? Math.min(consumed, split) + Math.max(0, worker.parsedTo() - split) : consumed);
      if (read > toldRead) progress?.((toldRead = read), size);
      // This thread's lines before the worker's share: each one's chain is checked as it is taken.
      if (shareFrom === undefined) chained?.({ ledger, records: ledger.head, hashOf: (seq) => digests.hexOf(seq) });
    };

    let handedOver = false;
    const own = await eachLineYielding(
      fd,
      (buffer, start, end) => {
        if (worker && consumed >= split) return !(handedOver = true);
        takeLine(parse(buffer, start, end), end - start, true, buffer.subarray(start, end + 1));
      },
      Math.min(CHUNK, size),
      consumed,
    );
    if (handedOver) shareFrom = line + 1;
    const shareEnd = handedOver
      ? await worker!.take((start, end, record, claims, claimAt) => {
          // Lines follow one another (after a line that is not JSON, the next one reports it).
          if (!pendingFailure && start !== consumed) throw damaged(line + 1, CHANGED_WHILE_OPENING);
          if (record) return takeLine(record, end - start, false, undefined, claims, claimAt);
          const bytes = readLine(fd, start, end, line + 1);
          takeLine(parse(bytes), end - start, true, bytes);
        })
      : undefined;
    worker?.cancel();
    // All of it read (a torn tail included): what is left is the chain's last check.
    progress?.(size, size);
    // Bytes after the last newline: a line whose write did not finish.
    const unfinished = shareEnd ? shareEnd.unfinished : own;

    const hashed = parallel && await parallel;
    // Every line checked, those of a batch that did not finish too: a break there is damage, as on one thread.
    if (hashed && shareFrom !== undefined) verifyShare(digests, hashed, shareFrom, validated, hashedHere);
    digests.truncate(ledger.head);
    ledger.hold(held);
    /** What every result says of where it came from. */
    const about = { fromIndex: stored?.bytes ?? 0, file, ...(source ? { source } : {}), ...(shareEnd ? { share: { from: shareFrom!, ...(shareEnd.checked ? { checked: shareEnd.checked } : {}) } } : {}) };
    if (ledger.head === 0 && !pendingFailure && unfinished === 0 && !batch) throw new IncumbentError('invalid', `${path} is empty, so it is not an Incumbent log (whose first line is log.created); start one with: incumbent init --log ${path} --title "..." (after removing the empty file)`);
    if (batch) {
      // The crash came while a batch was being written: none of it counts, the torn line included.
      const onDisk = batch.records.length;
      const reason = `incomplete batch: records #${batch.firstLine}-#${batch.end} were appended together and only ${onDisk} of ${batch.end - batch.firstLine + 1} reached the disk`;
      return { ...tornResult(fd, ledger, digests, batch.offset, batch.firstLine, reason), ...about };
    }
    if (pendingFailure || unfinished > 0) {
      const tornLine = pendingFailure?.line ?? line + 1;
      const reason = pendingFailure ? pendingFailure.reason : 'incomplete last line (no newline)';
      return { ...tornResult(fd, ledger, digests, consumed, tornLine, reason), ...about };
    }
    const prefix = runningHash && { bytes: consumed, hash: runningHash.digest() };
    return { ledger, digests, validBytes: consumed, ...about, ...(prefix ? { prefix } : {}), ...(still !== undefined ? { stillSince: still } : {}) };
  } catch (error) {
    worker?.cancel();
    const broken = parallel && (await firstBreak(digests, parallel, shareFrom, hashedHere));
    if (changed()) throw READ_AGAIN;
    throw broken || error;
  } finally {
    chained?.(undefined);
    // The worker reads through `fd`: it is closed, or handed on, only once the worker is done.
    await parallel?.catch(() => undefined);
  }
}

function tornResult(fd: number, ledger: Ledger, digests: Digests, tornStart: number, line: number, reason: string): Omit<LogContents, 'fromIndex' | 'file' | 'source'> {
  // To the file's end now: a file written to while it was read is longer than when it was opened.
  const bytes = Buffer.alloc(Math.max(0, fstatSync(fd).size - tornStart));
  return { ledger, digests, validBytes: tornStart, torn: { line, bytes: bytes.subarray(0, readFully(fd, bytes, tornStart)), reason } };
}
