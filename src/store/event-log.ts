/**
 * An open event log: the verified records in memory (a Ledger) over an append-only file on disk,
 * held by one writer at a time. All appends are all-or-nothing and durable before they are visible.
 */
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { Ledger } from '../core/ledger';
import { Digests } from './digests';
import { fsyncDirectoryOf, readAnchor } from './head-anchor';
import { JsonLinesAdapter, type LogData } from './jsonl-adapter';
import { LogLock } from './lock';
import { isFolder, isLogFile, noLogAt, realLogPath, refuseLogAtSideFile } from './log-file';
import { logCreatedDraft, type AppendOutcome, type Batch, type LogStore, type OpenOptions } from './log-store';
import { sealBatch } from './seal-batch';

export type { AppendOutcome, OpenOptions } from './log-store';

export class EventLog implements LogStore {
  readonly path: string;
  readonly #db: Low<LogData>;
  readonly #adapter: JsonLinesAdapter;
  readonly #lock: LogLock | undefined;
  readonly #now: () => Date;
  readonly #listeners = new Set<(records: readonly EventRecord[]) => void>();

  private constructor(path: string, db: Low<LogData>, adapter: JsonLinesAdapter, lock: LogLock | undefined, options: OpenOptions) {
    this.path = path;
    this.#db = db;
    this.#adapter = adapter;
    this.#lock = lock;
    this.#now = options.now ?? (() => new Date());
  }

  /** Opens (verifying the whole chain) or creates a log, and takes its write lock. */
  static async open(named: string, options: OpenOptions = {}): Promise<EventLog> {
    const exists = isLogFile(named);
    if (exists && options.startOnly) throw new IncumbentError('conflict', `${named} already exists; init never overwrites a file`);
    if (!exists && (!options.create || options.readOnly)) throw noLogAt(named);
    // Its folder is not made for it (a mistyped path would start a log nobody finds): said plainly, not as the lock's errno.
    if (!exists && !isFolder(dirname(named))) throw new IncumbentError('invalid', `cannot start a log at ${named}: there is no folder ${dirname(named)}`);
    // A link to nothing: opening it to create would meet the link, and say only "EEXIST".
    if (!exists && isDanglingLink(named)) throw new IncumbentError('invalid', `cannot start a log at ${named}: it is a symbolic link to ${readlinkSync(named)}, which does not exist`);
    // A deleted log's anchor would outrank the new log's first one, and every later open would call the new log cut short.
    // (An empty one, left by an init stopped before its first write, named no head: it is as good as none.)
    if (!exists && readAnchor(named) !== 'missing') throw new IncumbentError('conflict', `cannot start a log at ${named}: ${named}.head exists (the anchor of another log); remove it first`);
    if (!exists) refuseLogAtSideFile(named);
    const path = realLogPath(named);
    const lock = options.readOnly ? undefined : LogLock.acquire(path);
    const adapter = new JsonLinesAdapter(path, options);
    const db = new Low<LogData>(adapter, { ledger: new Ledger(), digests: new Digests(), pending: [], warnings: [] });
    try {
      await db.read();
      // None was there when looked for, before the lock: another process (an init, a copy) started
      // one meanwhile. Refused, not opened: the caller asked to start a log, with its title.
      if (!exists && db.data.ledger.head > 0) throw new IncumbentError('conflict', `${named} already exists: another process started a log there just now; nothing was written`);
      const log = new EventLog(path, db, adapter, lock, options);
      if (log.ledger.head === 0) {
        if (options.readOnly) throw new IncumbentError('not-found', `no log at ${path}`);
        await log.append([logCreatedDraft(options.create ?? { title: 'Untitled log' }, log.#now())]);
        fsyncDirectoryOf(path);
      }
      return log;
    } catch (error) {
      adapter.close();
      lock?.release();
      throw error;
    }
  }

  get ledger(): Ledger {
    return this.#db.data.ledger;
  }

  /** Settles once the index this open stores beside the log (see `index-cache.ts`) is written, or was not written. */
  get indexStored(): Promise<void> {
    return this.#adapter.indexStored;
  }

  /** What opening recovered from, if the last write before it was torn. */
  get recovered(): LogData['recovered'] {
    return this.#db.data.recovered;
  }

  /** What a reader must be told about damage found on opening (read-only opens; writers refuse damage). */
  get warnings(): readonly string[] {
    return this.#db.data.warnings;
  }

  hashOf(seq: number): string {
    return this.#db.data.digests.hexOf(seq);
  }

  /**
   * Seals and appends validated drafts as one batch: every line is on disk and fsynced, and the head
   * anchor names the new head, before any becomes visible. A crash before that leaves a torn batch
   * that the next open sets aside whole. Re-sending an event already in the log (same id, same
   * content) is a no-op; the same id with other content is refused as a conflict.
   */
  async append(batch: Batch, fieldOf: (index: number) => string = (i) => `events.${i}`): Promise<AppendOutcome> {
    if (!this.#lock) throw new IncumbentError('conflict', `${this.path} is open read-only`);
    const data = this.#db.data;
    const { ledger, digests } = data;
    // The lock makes this process the only writer: the ledger is the state the batch follows.
    const drafts = typeof batch === 'function' ? batch(ledger) : batch;
    const { sealed, skipped } = sealBatch(ledger, (seq) => digests.hexOf(seq), drafts, this.#now(), fieldOf);
    if (sealed.length === 0) return { appended: [], skipped };
    data.pending = sealed.map((s) => s.line);
    try {
      await this.#db.write();
    } finally {
      data.pending = [];
    }
    for (const { record, hash } of sealed) {
      digests.push(hash);
      ledger.add(record);
    }
    const appended = sealed.map((s) => s.record);
    for (const listener of this.#listeners) listener(appended);
    return { appended, skipped };
  }

  onAppended(listener: (records: readonly EventRecord[]) => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  close(): void {
    this.#listeners.clear();
    this.#adapter.close();
    this.#lock?.release();
  }
}

const isDanglingLink = (path: string) => lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true && !existsSync(path);
