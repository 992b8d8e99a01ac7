/**
 * An open event log: the verified records in memory (a Ledger) over an append-only file on disk,
 * held by one writer at a time. All appends are all-or-nothing and durable before they are visible.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import type { EventDraft, EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { Ledger } from '../core/ledger';
import { Digests } from './digests';
import { JsonLinesAdapter, type LogData } from './jsonl-adapter';
import { LogLock } from './lock';
import { sealRecord, sha256 } from './seal';

export interface OpenOptions {
  /** Create the log when the file does not exist; its first record gets this title (and id, if given). */
  create?: { title: string; id?: string };
  /** The clock that stamps `recordedtime`; tests and dataset builds pass their own. */
  now?: () => Date;
  /** Read without locking, recovering or writing anything (the CLI's read commands). */
  readOnly?: boolean;
}

export interface AppendOutcome {
  appended: EventRecord[];
  /** Ids already in the log: appending them again is a no-op. */
  skipped: string[];
}

const fsyncDirectory = (path: string) => {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

export class EventLog {
  readonly path: string;
  readonly #db: Low<LogData>;
  readonly #adapter: JsonLinesAdapter;
  readonly #lock: LogLock | undefined;
  readonly #now: () => Date;

  private constructor(path: string, db: Low<LogData>, adapter: JsonLinesAdapter, lock: LogLock | undefined, now: () => Date) {
    this.path = path;
    this.#db = db;
    this.#adapter = adapter;
    this.#lock = lock;
    this.#now = now;
  }

  /** Opens (verifying the whole chain) or creates a log, and takes its write lock. */
  static async open(path: string, options: OpenOptions = {}): Promise<EventLog> {
    if (!existsSync(path) && (!options.create || options.readOnly)) throw new IncumbentError('not-found', `no log at ${path}`);
    const lock = options.readOnly ? undefined : LogLock.acquire(path);
    const adapter = new JsonLinesAdapter(path, options.readOnly ?? false);
    const db = new Low<LogData>(adapter, { ledger: new Ledger(), digests: new Digests(), pending: [] });
    try {
      await db.read();
      const log = new EventLog(path, db, adapter, lock, options.now ?? (() => new Date()));
      if (log.ledger.head === 0) {
        const now = log.#now().toISOString();
        const { title, id } = options.create ?? { title: 'Untitled log' };
        const created = { specversion: '1.0', source: 'urn:incumbent:app', type: 'log.created', time: now, timeprecision: 'second', timezone: 'UTC', datacontenttype: 'application/json', data: { title } } as const;
        await log.append([{ ...created, ...(id ? { id } : {}) }]);
        fsyncDirectory(path);
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

  /** What opening recovered from, if the last write before it was torn. */
  get recovered(): LogData['recovered'] {
    return this.#db.data.recovered;
  }

  hashOf(seq: number): string {
    return this.#db.data.digests.hexOf(seq);
  }

  /**
   * Seals and appends validated drafts as one batch: every line is on disk and fsynced before any
   * becomes visible. Drafts whose id is already in the log (or earlier in the batch) are skipped.
   */
  async append(drafts: readonly EventDraft[]): Promise<AppendOutcome> {
    if (!this.#lock) throw new IncumbentError('conflict', `${this.path} is open read-only`);
    const data = this.#db.data;
    const { ledger, digests } = data;
    const last = ledger.record(ledger.head);
    const recordedtime = new Date(Math.max(this.#now().getTime(), last ? Date.parse(last.recordedtime) : 0)).toISOString();
    const sealed: { record: EventRecord; line: string; hash: string }[] = [];
    const skipped: string[] = [];
    const seen = new Set<string>();
    let prevhash = digests.hexOf(ledger.head);
    for (const draft of drafts) {
      const id = draft.id ?? randomUUID();
      if (ledger.byId(id) || seen.has(id)) {
        skipped.push(id);
        continue;
      }
      seen.add(id);
      const next = sealRecord(draft, { id, seq: ledger.head + sealed.length + 1, prevhash, recordedtime });
      prevhash = sha256(next.line);
      sealed.push({ ...next, hash: prevhash });
    }
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
    return { appended: sealed.map((s) => s.record), skipped };
  }

  close(): void {
    this.#adapter.close();
    this.#lock?.release();
  }
}
