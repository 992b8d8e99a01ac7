/**
 * A shared event log in PostgreSQL: the same sealed lines and hash chain as a file log, one row per
 * record, any number of writers in any number of processes.
 *
 * Invariants:
 * - An append is one transaction: all of it, or nothing. It commits only if decided against the
 *   log's true head: either nobody appended since this process last read (the one-statement fast
 *   path; seq is the primary key, so otherwise it fails and commits nothing), or it took the log's
 *   advisory lock, read what others appended, and decided under the lock. Seq stays gapless.
 * - The ledger holds only verified, committed records, in seq order: every line read is parsed,
 *   chained and validated as a file's lines are; a batch joins only whole.
 * - One connection per open log, used by one operation at a time (`#exclusive`); when it is lost,
 *   the next operation (or, for a live log, a retry timer) reconnects and catches up by seq.
 */
import type pg from 'pg';
import { endingOf, newPgClient } from './pg-client';
import type { EventRecord } from '../../core/event';
import { IncumbentError } from '../../core/errors';
import { Ledger } from '../../core/ledger';
import { Serial } from '../../core/serial';
import { ChainReader } from '../chain-reader';
import { Digests } from '../digests';
import { vetBatch } from '../integrity';
import { logCreatedDraft, type AppendOutcome, type Batch, type LogStore, type OpenOptions } from '../log-store';
import { sealBatch } from '../seal-batch';
import { fastAppend, FAST_ROWS } from './fast-append';
import { insertRows, rowsOf, ROWS_PER_INSERT } from './insert-rows';
import { isConstraintViolation, isConnectionLoss, pgError } from './pg-errors';
import { parsePgUrl, type PgTarget } from './pg-url';
import { CHANNEL, ensureSchema, hasSchema, refuseLineType, TABLE } from './schema';
import { noticeText, parseNotice } from './append-notice';

/** Rows read per query while catching up (keyset paging by seq). */
const PAGE = 20_000;
const RETRY_MS = 1_000;

type Listener = (records: readonly EventRecord[]) => void;

export class PgEventLog implements LogStore {
  readonly path: string;
  readonly ledger: Ledger;
  readonly recovered = undefined;
  readonly warnings: readonly string[] = [];
  readonly #digests = new Digests();
  readonly #target: PgTarget;
  readonly #options: OpenOptions;
  readonly #listeners = new Set<Listener>();
  #client: pg.Client | undefined;
  /** Operations on the connection, one at a time. */
  readonly #queue = new Serial();
  #catchUpQueued = false;
  /** Whether the next append tries the one-round-trip path first (see `#contended`). */
  #uncontended = true;
  #retry: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(target: PgTarget, options: OpenOptions) {
    this.#target = target;
    this.#options = options;
    this.path = target.display;
    this.ledger = new Ledger({ checkpoints: !options.oneShot });
  }

  /** Opens (verifying every record) or creates the log a postgres URL names. */
  static async open(location: string, options: OpenOptions = {}): Promise<PgEventLog> {
    const log = new PgEventLog(parsePgUrl(location, options.idleInTransactionMs), options);
    try {
      await log.#exclusive('open', async (client) => {
        if (options.readOnly ? !(await hasSchema(client)) : (await ensureSchema(client), false)) return;
        await log.#catchUp(client);
      });
      const exists = () => new IncumbentError('conflict', `log "${log.#target.log}" in ${log.path} already exists; init never overwrites a log`);
      if (log.ledger.head > 0 && options.startOnly) throw exists();
      if (log.ledger.head === 0) {
        if (options.readOnly || !options.create) throw new IncumbentError('not-found', `no log "${log.#target.log}" in ${log.path}`);
        const created = logCreatedDraft(options.create, (options.now ?? (() => new Date()))());
        // Someone else may create it first: then this is a no-op and their log.created stands (refused to `init`).
        if ((await log.append((ledger) => (ledger.head === 0 ? [created] : []))).appended.length === 0 && options.startOnly) throw exists();
      }
      return log;
    } catch (error) {
      await log.close();
      throw error;
    }
  }

  hashOf(seq: number): string {
    return this.#digests.hexOf(seq);
  }

  onAppended(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  /** Reads what others appended since this process last read. */
  async refresh(): Promise<void> {
    await this.#exclusive('read', (client) => this.#catchUp(client));
  }

  /**
   * Appends one batch as one transaction; a function batch is decided against the log's state.
   * Ids already in the log are skipped (same content) or refused.
   *
   * First, one round trip (fast-append.ts): the batch decided against what this process has read,
   * inserted by one statement that commits on its own, and only if nobody appended since (seq is
   * the primary key, so a stale decision cannot commit). When that does not commit, the locked path:
   * take the log's lock, catch up, decide again, insert, commit.
   */
  async append(batch: Batch, fieldOf: (index: number) => string = (i) => `events.${i}`): Promise<AppendOutcome> {
    if (this.#options.readOnly) throw new IncumbentError('conflict', `${this.path} is open read-only`);
    return this.#exclusive('append', async (client) => (this.#uncontended && (await this.#appendFast(client, batch, fieldOf))) || this.#appendLocked(client, batch, fieldOf));
  }

  /** The one-round-trip append, or undefined when it did not commit and the locked path must decide. */
  async #appendFast(client: pg.Client, batch: Batch, fieldOf: (index: number) => string): Promise<AppendOutcome | undefined> {
    let sealed: ReturnType<typeof sealBatch>;
    try {
      sealed = this.#seal(batch, fieldOf);
    } catch {
      // A refusal decided against what may be an old state: the locked path decides it again.
      return undefined;
    }
    // Nothing to write, or more than one statement takes: let the locked path say so under the lock.
    if (sealed.sealed.length === 0 || sealed.sealed.length > FAST_ROWS) return undefined;
    const rows = rowsOf(sealed.sealed);
    try {
      if (!(await fastAppend(client, this.#target, rows))) return this.#contended();
    } catch (error) {
      // Someone appended first (a seq or id now taken): catch up and decide again under the lock.
      if (isConstraintViolation(error)) return this.#contended();
      // The statement is its own commit: if the connection went, it may or may not have committed.
      throw pgError(error, this.#target.server, `append to log "${this.#target.log}"`, 'committing');
    }
    return { appended: this.#take(sealed.sealed), skipped: sealed.skipped };
  }

  /** The locked append: BEGIN and the lock, catch up, decide, insert, then NOTIFY and COMMIT together. */
  async #appendLocked(client: pg.Client, batch: Batch, fieldOf: (index: number) => string): Promise<AppendOutcome> {
    const { log, lockKey } = this.#target;
    let committing = false;
    let sealed: ReturnType<typeof sealBatch>;
    try {
      // One round trip: lockKey is our own decimal (pg-url.ts), safe to write into the statement.
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${BigInt(lockKey).toString()}::bigint)`);
      const before = this.ledger.head;
      await this.#catchUp(client);
      // Nobody else appended since this process last read: the next append may try the fast path again.
      this.#uncontended = this.ledger.head === before;
      sealed = this.#seal(batch, fieldOf);
      if (sealed.sealed.length === 0) {
        await client.query('ROLLBACK');
        return { appended: [], skipped: sealed.skipped };
      }
      const rows = rowsOf(sealed.sealed);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insertRows(client, log, rows.slice(i, i + ROWS_PER_INSERT));
      committing = true;
      await client.query(`SELECT pg_notify(${client.escapeLiteral(CHANNEL)}, ${client.escapeLiteral(noticeText(log, rows.at(-1)!.seq))}); COMMIT`);
    } catch (error) {
      if (!isConnectionLoss(error)) await client.query('ROLLBACK').catch(() => undefined);
      throw pgError(endingOf(client) ?? error, this.#target.server, `append to log "${log}"`, committing ? 'committing' : 'writing');
    }
    return { appended: this.#take(sealed.sealed), skipped: sealed.skipped };
  }

  /** Others are appending too: a fast attempt would mostly fail (a wasted round trip holding the
   * lock), so appends take the locked path until one finds that nobody appended since the last. */
  #contended(): undefined {
    this.#uncontended = false;
    return undefined;
  }

  /** The batch decided against the ledger as this process has it, sealed after its head. */
  #seal(batch: Batch, fieldOf: (index: number) => string): ReturnType<typeof sealBatch> {
    const drafts = typeof batch === 'function' ? batch(this.ledger) : batch;
    return sealBatch(this.ledger, (seq) => this.hashOf(seq), drafts, (this.#options.now ?? (() => new Date()))(), fieldOf);
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    this.#listeners.clear();
    await this.#queue.settled;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Adds committed, sealed records of this process to the ledger and tells the listeners. */
  #take(sealed: readonly { record: EventRecord; hash: string }[]): EventRecord[] {
    for (const { record, hash } of sealed) {
      this.#digests.push(hash);
      this.ledger.add(record);
    }
    const records = sealed.map((s) => s.record);
    this.#emit(records);
    return records;
  }

  #emit(records: readonly EventRecord[]): void {
    for (const listener of this.#listeners) {
      try {
        listener(records);
      } catch {
        // A listener's failure is its own; the log has the records either way.
      }
    }
  }

  /** Reads every record after the ledger's head, verifying each line; the ledger takes whole batches. */
  async #catchUp(client: pg.Client): Promise<void> {
    // Each batch is checked before it joins: a live log's ledger, once open, takes only what opening it anew would.
    const reader = new ChainReader(this.ledger, this.#digests, (batch) => vetBatch(this.ledger, batch));
    const joined: EventRecord[] = [];
    let failure: { error: unknown } | undefined;
    try {
      for (;;) {
        const { rows } = await client.query<{ seq: string; line: string }>(`SELECT seq, line FROM ${TABLE} WHERE log = $1 AND seq > $2 ORDER BY seq LIMIT ${PAGE}`, [this.#target.log, reader.read]);
        for (const row of rows) joined.push(...reader.push(typeof row.line === 'string' ? row.line : await refuseLineType(client, this.#target.log)));
        if (rows.length < PAGE) break;
      }
      // Transactions commit whole batches, so this is a table edited outside the app.
      if (reader.inBatch) throw new IncumbentError('damaged', `log "${this.#target.log}": the batch at #${this.ledger.head + 1} is incomplete in the database`);
    } catch (error) {
      // Digests of a batch never finished (damage, a lost connection) go: the next read starts at the head.
      this.#digests.truncate(this.ledger.head);
      failure = { error };
    }
    // Whole batches read before a failure stay: they are committed records, each checked as it joined.
    if (joined.length) this.#emit(joined);
    if (failure) throw failure.error;
  }

  /** Runs `operation` alone on the connection, connecting first if needed. */
  #exclusive<T>(doing: 'open' | 'read' | 'append', operation: (client: pg.Client) => Promise<T>): Promise<T> {
    return this.#queue.run(async () => {
      if (this.#closed && doing !== 'open') throw new IncumbentError('invalid', `${this.path} is closed`);
      const client = await this.#connect();
      try {
        return await operation(client);
      } catch (error) {
        if (isConnectionLoss(error)) this.#lost(client);
        throw pgError(error, this.#target.server, `${doing} log "${this.#target.log}"`, doing === 'append' ? 'writing' : 'reading');
      }
    });
  }

  async #connect(): Promise<pg.Client> {
    if (this.#client) return this.#client;
    const client = await newPgClient(this.#target);
    // An idle connection can fail (the server restarts): forget it; the next use reconnects.
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    try {
      await client.connect();
      if (this.#options.live) {
        client.on('notification', (message) => this.#notified(message));
        await client.query(`LISTEN ${CHANNEL}`);
      }
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.#options.live) this.#scheduleRetry();
      throw pgError(error, this.#target.server, `connect to log "${this.#target.log}"`);
    }
    this.#client = client;
    return client;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    void client.end().catch(() => undefined);
    if (this.#options.live) this.#scheduleRetry();
  }

  /** A live log reconnects by itself, and catches up by seq once the server is back. */
  #scheduleRetry(): void {
    if (this.#closed || this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.refresh().catch(() => this.#scheduleRetry());
    }, RETRY_MS);
    this.#retry.unref();
  }

  #notified(message: pg.Notification): void {
    const note = message.channel === CHANNEL ? parseNotice(message.payload) : undefined;
    if (!note || note.log !== this.#target.log || note.head <= this.ledger.head || this.#catchUpQueued) return;
    // Many notifications while one catch-up waits need only that one.
    this.#catchUpQueued = true;
    this.#exclusive('read', (client) => {
      this.#catchUpQueued = false;
      return this.#catchUp(client);
    }).catch(() => {
      this.#catchUpQueued = false;
      this.#scheduleRetry();
    });
  }
}
