/**
 * A lowdb adapter for the event log. Unlike lowdb's own adapters it never rewrites the file: `write`
 * appends the sealed lines that are not yet on disk, fsyncs, moves the head anchor, and refuses
 * anything that would change what is already there.
 */
import { closeSync, existsSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync, type Stats } from 'node:fs';
import type { Adapter } from 'lowdb';
import { IncumbentError } from '../core/errors';
import type { EventRecord } from '../core/event';
import type { Ledger } from '../core/ledger';
import type { Digests } from './digests';
import { anchorPath, AnchorWriter, readAnchor } from './head-anchor';
import { indexOf, removePartialIndexes, storeIndex } from './index-cache';
import { checkTail, olderRulesWarning, validateRecords } from './integrity';
import type { LineSource } from './line-source';
import { noWholeRecord } from './line-checks';
import type { OpenOptions } from './log-store';
import { heldByLiveWriter } from './lock';
import { keyOnceOpen } from './key-once-open';
import { readLog, type LogContents } from './read-log';
import { PARALLEL_READING_BYTES } from './read-share';
import { sha256 } from './seal';
import { openToWrite } from './open-to-write';

export interface LogData {
  ledger: Ledger;
  digests: Digests;
  /** Sealed lines waiting to be appended as one batch; the next `write` makes them durable. */
  pending: string[];
  /** Set when opening moved a torn tail (a crash's unfinished write) aside. */
  recovered?: { line: number; reason: string; sideFile?: string };
  /** What opening found and a reader must be told (writers refuse damage; these are the rest). */
  warnings: string[];
}

/**
 * A writer stores the log's index beside it when opening read at least this much that no stored
 * index covered: as much as makes opening read on two threads (its key is then worked out once
 * the log is open, see `key-once-open.ts`).
 */
const STORE_INDEX_AFTER_BYTES = PARALLEL_READING_BYTES;

export class JsonLinesAdapter implements Adapter<LogData> {
  readonly #path: string;
  #fd: number | undefined;
  /** Where the ledger reads its records back from: the file, through a descriptor of its own. */
  #source: LineSource | undefined;
  #anchor: AnchorWriter | undefined;
  #bytes = 0;
  #count = 0;
  /** Settles once the index this open stored beside the log is written, or was not worth writing or failed. */
  indexStored: Promise<void> = Promise.resolve();

  readonly #readOnly: boolean;
  readonly #oneShot: boolean;
  readonly #about: string | undefined;
  readonly #progress: OpenOptions['progress'];
  readonly #chained: OpenOptions['chained'];

  constructor(path: string, { readOnly = false, oneShot = false, about, progress, chained }: Pick<OpenOptions, 'readOnly' | 'oneShot' | 'about' | 'progress' | 'chained'> = {}) {
    this.#progress = progress;
    this.#chained = chained;
    this.#path = path;
    this.#readOnly = readOnly;
    this.#oneShot = oneShot;
    // Only a one-shot process keeps what it read: a long-lived one reads many companies.
    this.#about = oneShot ? about : undefined;
  }

  async read(): Promise<LogData | null> {
    if (!existsSync(this.#path)) return null;
    const about = this.#about;
    // Read first: records a writer appends while the log is read are then no missing ones (see checkTail).
    const anchorBefore = readAnchor(this.#path);
    const contents = await readLog(this.#path, {
      oneShot: this.#oneShot,
      storable: !this.#readOnly && !this.#oneShot,
      ...(this.#progress ? { progress: this.#progress } : {}),
      ...(this.#chained ? { chained: this.#chained } : {}),
      // A record of the company asked about, parsed whole here, is kept: the replay would read it again.
      ...(about ? { taken: () => (record: EventRecord, whole: boolean) => whole && record.subject === about } : {}),
    });
    this.#source = contents.source;
    const { ledger, digests, torn } = contents;
    if (torn && ledger.head === 0) throw noWholeRecord(torn);
    const tail = checkTail(this.#path, contents, anchorBefore);
    const warnings: string[] = [];
    if (tail.damage) {
      if (!this.#readOnly) throw new IncumbentError('damaged', `${this.#path}: ${tail.damage} The log was not opened for writing.`);
      warnings.push(`${tail.damage} Answers below come from the ${ledger.head} records that are in the file.`);
    } else if (tail.notice) {
      warnings.push(this.#readOnly ? tail.notice : `this log had no head anchor, so a change to its last records before now could not be detected; it has one from now on (${ledger.head} records checked in full)`);
    }
    // A reader beside a live writer may find the records it is appending on disk before its anchor
    // moves, or its last line half written: its append in progress, nothing to warn about.
    const appending = this.#readOnly && (tail.beyond !== undefined || torn !== undefined) && heldByLiveWriter(this.#path);
    if (tail.beyond && !appending) warnings.push(tail.beyond);
    warnings.push(...olderRulesWarning(validateRecords(ledger, tail.vouched)));

    if (this.#readOnly) {
      if (torn && !appending) warnings.push(`line ${torn.line}: ${torn.reason}, left by a write that did not finish; it is ignored (opening the log for writing moves it to a .corrupt side file).`);
      return { ledger, digests, pending: [], warnings, ...(torn ? { recovered: { line: torn.line, reason: torn.reason } } : {}) };
    }
    let recovered: LogData['recovered'];
    this.#fd = openToWrite(this.#path, 'r+');
    // The path is opened again to write: it must still name the file that was read and checked.
    const opened = fstatSync(this.#fd);
    if (opened.dev !== contents.file.dev || opened.ino !== contents.file.ino) {
      throw new IncumbentError('damaged', `${this.#path} was replaced by another file while it was being opened (a backup restored, a sync); nothing was written to either file. Open it again.`);
    }
    refuseOtherNames(this.#path, opened);
    if (torn) {
      const sideFile = `${this.#path}.${Date.now()}.corrupt`;
      writeFileSync(sideFile, torn.bytes);
      recovered = { line: torn.line, reason: torn.reason, sideFile };
      ftruncateSync(this.#fd, contents.validBytes);
      fdatasyncSync(this.#fd);
    }
    this.#bytes = contents.validBytes;
    this.#count = ledger.head;
    this.#anchor = new AnchorWriter(this.#path);
    removePartialIndexes(this.#path);
    // Records after the anchor were validated above (a crash came between a write and its anchor).
    if (ledger.head > 0 && ledger.head !== tail.vouched) this.#anchor.write({ seq: ledger.head, hash: digests.hexOf(ledger.head) });
    if (!this.#oneShot && !torn) this.indexStored = this.#storeIndex(contents);
    return { ledger, digests, pending: [], warnings, ...(recovered ? { recovered } : {}) };
  }

  /**
   * Stores the index of what opening read, when it read much that no stored index covered: taken
   * now, before any append (copies); keyed, encoded and written in the background (taking and
   * encoding: about 0.3 s for a million records). The index is derived data, so failing to store
   * it (a read-only folder, a full disk, the file written to meanwhile) changes nothing but the
   * next open's speed.
   */
  async #storeIndex({ ledger, digests, source, validBytes, fromIndex, prefix, stillSince, file }: LogContents): Promise<void> {
    // The key worked out while reading (after a stored index), or to be worked out now (a read on two threads).
    const keyed = prefix?.bytes === validBytes ? prefix.hash : undefined;
    if (!source || validBytes - fromIndex < STORE_INDEX_AFTER_BYTES || (keyed === undefined && stillSince === undefined)) return;
    const index = indexOf({ ledger, digests, source, validBytes });
    const key = keyed ?? (await keyOnceOpen(this.#path, file, validBytes, stillSince!));
    if (key) await storeIndex(this.#path, index, key).catch(() => undefined);
  }

  async write(data: LogData): Promise<void> {
    if (data.ledger.head !== this.#count || data.digests.count !== this.#count) {
      throw new IncumbentError('conflict', `the event log is append-only: ${this.#count} records are on disk, the write holds ${data.ledger.head}`);
    }
    if (data.pending.length === 0) return;
    // A new log's file is made by its first write (log.created), and unmade if that write fails.
    const creating = this.#fd === undefined;
    const fd = (this.#fd ??= openSync(this.#path, 'wx+'));
    this.#stillOurs(fd);
    const anchor = (this.#anchor ??= new AnchorWriter(this.#path));
    const bytes = Buffer.from(`${data.pending.join('\n')}\n`);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, this.#bytes + written);
      fdatasyncSync(fd);
      // Acknowledged only once the anchor names the new head.
      anchor.write({ seq: this.#count + data.pending.length, hash: sha256(data.pending.at(-1)!) });
    } catch (error) {
      // Leave no partial batch behind: the next append must start at a clean boundary.
      try {
        if (creating) this.#unmake();
        else {
          ftruncateSync(fd, this.#bytes);
          fdatasyncSync(fd);
          // The anchor slot that failed may hold the new head: name the old one there again.
          if (this.#count > 0) anchor.write({ seq: this.#count, hash: data.digests.hexOf(this.#count) });
        }
      } catch {
        // The next open sets the torn batch aside.
      }
      throw new IncumbentError('io', `could not append to ${this.#path}: ${(error as Error).message}`);
    }
    this.#bytes += bytes.length;
    this.#count += data.pending.length;
  }

  /**
   * Removes the file its first write made, and the anchor opened with it (a log is started only
   * where no anchor names a head, see `EventLog.open`, so it names at most the head that failed):
   * left there, they would stop the next `init` ("already exists") until removed by hand.
   */
  #unmake(): void {
    this.close();
    unlinkSync(this.#path);
    rmSync(anchorPath(this.#path), { force: true });
  }

  /**
   * Before a write: the path still names the file this writer holds, as it left it. A file put in
   * its place (a backup restored, a sync) would get nothing while the writes were acknowledged, and
   * a writer that reached the same file by another name (a hard link, see `refuseOtherNames`) would
   * be written over. Refused before anything is written: nothing of either is touched.
   */
  #stillOurs(fd: number): void {
    const held = fstatSync(fd);
    refuseOtherNames(this.#path, held);
    let named: Stats | undefined;
    try {
      named = statSync(this.#path);
    } catch {
      named = undefined;
    }
    if (named?.dev !== held.dev || named.ino !== held.ino) {
      throw new IncumbentError('damaged', `${this.#path} is no longer the file this log was opened from (it was replaced, moved or removed); nothing was written. Open it again.`);
    }
    if (held.size !== this.#bytes) {
      throw new IncumbentError('locked', `${this.#path} was written to by another program since it was opened (${held.size} bytes where this writer left ${this.#bytes}); nothing was written. Open it again.`);
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#source?.close();
    this.#anchor?.close();
    this.#fd = undefined;
    this.#source = undefined;
    this.#anchor = undefined;
  }
}

/**
 * A log file with another name (a hard link) is not written to. Its lock sits beside one name, so a
 * writer through the other takes a lock of its own; checking the size before each write does not
 * close the gap, since two writers can both check before either writes, then write their batches at
 * the same offset: one acknowledged batch is lost under the other, and the chain breaks after it.
 * Only one name means only one lock. Checked as the log is opened for writing and before each
 * append, so a link made meanwhile stops both writers before either writes.
 */
function refuseOtherNames(path: string, file: Stats): void {
  if (file.nlink > 1) {
    throw new IncumbentError('locked', `${path} has ${file.nlink} names (hard links, as ln or a backup tool makes): a writer through another name would not see this one's lock, so it is not written to; nothing was written. Remove the other names (a symbolic link is safe), or copy the log (incumbent copy)`);
  }
}
