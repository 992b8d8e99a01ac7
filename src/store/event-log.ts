/**
 * An open event log: the verified records in memory (a Ledger) over an append-only file on disk,
 * held by one writer at a time. All appends are all-or-nothing and durable before they are visible.
 */
import { randomUUID } from 'node:crypto';
import { Low } from 'lowdb';
import type { EventDraft, EventRecord } from '../core/event';
import { canonicalJson } from '../core/canonical-json';
import { IncumbentError } from '../core/errors';
import { Ledger } from '../core/ledger';
import { Digests } from './digests';
import { fsyncDirectoryOf } from './head-anchor';
import { JsonLinesAdapter, type LogData } from './jsonl-adapter';
import { LogLock } from './lock';
import { isLogFile } from './log-file';
import { sealRecord, sha256 } from './seal';

export interface OpenOptions {
  /** Create the log when the file does not exist; its first record gets this title (and id, and the company it follows, if given). */
  create?: { title: string; id?: string; company?: { id: string; name: string } };
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

/** The fields that make an event what it is: an id re-sent with other values here is a conflict. */
const CONTENT_FIELDS = ['type', 'subject', 'time', 'timeprecision', 'timezone', 'source', 'specversion', 'datacontenttype', 'data'] as const;
const differingField = (draft: EventDraft, record: EventRecord): string | undefined =>
  CONTENT_FIELDS.find((field) => canonicalJson((draft as Record<string, unknown>)[field] ?? null) !== canonicalJson((record as Record<string, unknown>)[field] ?? null));

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
    if (!isLogFile(path) && (!options.create || options.readOnly)) throw new IncumbentError('not-found', `no log at ${path} (start one with: incumbent init --log ${path} --title "...")`);
    const lock = options.readOnly ? undefined : LogLock.acquire(path);
    const adapter = new JsonLinesAdapter(path, options.readOnly ?? false);
    const db = new Low<LogData>(adapter, { ledger: new Ledger(), digests: new Digests(), pending: [], warnings: [] });
    try {
      await db.read();
      const log = new EventLog(path, db, adapter, lock, options.now ?? (() => new Date()));
      if (log.ledger.head === 0) {
        if (options.readOnly) throw new IncumbentError('not-found', `no log at ${path}`);
        const now = log.#now().toISOString();
        const { title, id, company } = options.create ?? { title: 'Untitled log' };
        const created = { specversion: '1.0', source: 'urn:incumbent:app', type: 'log.created', time: now, timeprecision: 'second', timezone: 'UTC', datacontenttype: 'application/json', data: { title, ...(company ? { company } : {}) } } as const;
        await log.append([{ ...created, ...(id ? { id } : {}) }]);
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
  async append(drafts: readonly EventDraft[], fieldOf: (index: number) => string = (i) => `events.${i}`): Promise<AppendOutcome> {
    if (!this.#lock) throw new IncumbentError('conflict', `${this.path} is open read-only`);
    const data = this.#db.data;
    const { ledger, digests } = data;
    const fresh: EventDraft[] = [];
    const skipped: string[] = [];
    const inBatch = new Map<string, EventDraft>();
    drafts.forEach((draft, index) => {
      const id = draft.id ?? randomUUID();
      const earlier = ledger.byId(id) ?? inBatch.get(id);
      if (earlier) {
        const field = differingField(draft, earlier as EventRecord);
        if (field) {
          const where = 'seq' in earlier ? `record #${(earlier as EventRecord).seq}` : 'an earlier event of this batch';
          throw new IncumbentError('conflict', `id "${id}" is already used by ${where} with a different ${field}; an id names one event forever: give this event a new id, or revise the old one with event.corrected`, `${fieldOf(index)}.id`);
        }
        skipped.push(id);
        return;
      }
      inBatch.set(id, draft);
      fresh.push({ ...draft, id });
    });
    if (fresh.length === 0) return { appended: [], skipped };
    const last = ledger.record(ledger.head);
    const recordedtime = new Date(Math.max(this.#now().getTime(), last ? Date.parse(last.recordedtime) : 0)).toISOString();
    const batchend = fresh.length > 1 ? ledger.head + fresh.length : undefined;
    const sealed: { record: EventRecord; line: string; hash: string }[] = [];
    let prevhash = digests.hexOf(ledger.head);
    for (const draft of fresh) {
      const next = sealRecord(draft, { id: draft.id!, seq: ledger.head + sealed.length + 1, prevhash, recordedtime, ...(batchend ? { batchend } : {}) });
      prevhash = sha256(next.line);
      sealed.push({ ...next, hash: prevhash });
    }
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
