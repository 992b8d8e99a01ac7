/**
 * What the service needs from a log, whatever holds it: a JSON Lines file (`EventLog`, one writer
 * per file) or a PostgreSQL table (`PgEventLog`, any number of writers). Both write the same
 * sealed lines and hash chain, so a log moves between them byte for byte (`incumbent copy`).
 */
import type { EventDraft, EventRecord } from '../core/event';
import type { Ledger } from '../core/ledger';
import type { ChainedSoFar, Progress } from './read-options';

export interface OpenOptions {
  /** Create the log when it does not exist; its first record gets this title (and id, if given). */
  create?: { title: string; id?: string; company?: { id: string; name: string } };
  /** Only start a log (`init`): a log found there (a file when looked for or once locked; a database log before or as it is started) is refused, never opened. */
  startOnly?: boolean;
  /** The clock that stamps `recordedtime`; tests and dataset builds pass their own. */
  now?: () => Date;
  /** Read without locking, recovering or writing anything (the CLI's read commands). */
  readOnly?: boolean;
  /** Keep up with other writers as they append (PostgreSQL: LISTEN); files have one writer. */
  live?: boolean;
  /**
   * A process that asks a question or two and exits (the CLI's commands): states are replayed
   * from the start and no checkpoints are built, which costs about five replays and pays off only
   * over many questions.
   */
  oneShot?: boolean;
  /**
   * The company a one-shot process asks about: its records that reading parses whole are kept, so
   * the replay does not read them from the file again (files only).
   */
  about?: string;
  /** Told how many of the log file's bytes opening has read, as it goes on (files only; see `readLog`). */
  progress?: Progress;
  /** Given the first records as opening reads and chains them, before it has checked the log's end (files only; see `ReadOptions`). */
  chained?: (sofar: ChainedSoFar | undefined) => void;
  /** How long a session may sit idle inside a transaction (PostgreSQL only; see IDLE_IN_TRANSACTION_MS): tests pass a short one. */
  idleInTransactionMs?: number;
}

/** The draft of a log's first record, `log.created`, as every store writes it. */
export function logCreatedDraft({ title, id, company }: NonNullable<OpenOptions['create']>, now: Date) {
  return { specversion: '1.0', source: 'urn:incumbent:app', type: 'log.created', time: now.toISOString(), timeprecision: 'second', timezone: 'UTC', datacontenttype: 'application/json', data: { title, ...(company ? { company } : {}) }, ...(id ? { id } : {}) } as const;
}

export interface AppendOutcome {
  appended: EventRecord[];
  /** Ids already in the log: appending them again is a no-op. */
  skipped: string[];
}

/**
 * A batch to append: the drafts, or a function that validates and returns them given the log's
 * state at the moment of appending. The function form is what a shared store needs: the batch is
 * decided against the state it will really follow. A shared store may call it more than once (first
 * against what it has read; again, after taking the log's lock and catching up, if others appended
 * meanwhile or the first answer was a refusal), and commits only a batch decided against the true
 * head: the function must be pure.
 */
export type Batch = readonly EventDraft[] | ((ledger: Ledger) => readonly EventDraft[]);

export interface LogStore {
  /** Where the log is: a file path, or a postgres URL without its password. */
  readonly path: string;
  /** The verified records in memory, as of the last append or catch-up. */
  readonly ledger: Ledger;
  /** What opening recovered from, if the last write before it was torn (files only). */
  readonly recovered: { line: number; reason: string; sideFile?: string } | undefined;
  /** What a reader must be told about damage found on opening. */
  readonly warnings: readonly string[];
  /** SHA-256 of record `seq`'s line (the genesis hash for 0). */
  hashOf(seq: number): string;
  /** Appends one batch, all or nothing; see `Batch`. */
  append(batch: Batch, fieldOf?: (index: number) => string): Promise<AppendOutcome>;
  /** Calls `listener` with every batch that joins the ledger (this process's or, when live, others'). */
  onAppended(listener: (records: readonly EventRecord[]) => void): () => void;
  close(): void | Promise<void>;
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** Opens the store a location names: a postgres URL, or else a file path. */
export async function openLogStore(location: string, options: OpenOptions = {}): Promise<LogStore> {
  if (isPostgresUrl(location)) {
    const { PgEventLog } = await import('./postgres/pg-event-log');
    return PgEventLog.open(location, options);
  }
  const { EventLog } = await import('./event-log');
  return EventLog.open(location, options);
}
