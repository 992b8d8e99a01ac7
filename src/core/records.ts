/**
 * The log's records by sequence: kept in memory, or left where they are stored (a log file) and
 * read back through a `RecordSource` when asked for. See the top of `ledger.ts` for why.
 */
import type { EventRecord } from './event';

/** Gives back the records the ledger indexed without keeping, from where they are stored; throws rather than give others. */
export interface RecordSource {
  record(seq: number): EventRecord;
  /** Records `seqs` (ascending) to `take`, read together where they are near one another. */
  records(seqs: readonly number[], take: (seq: number, record: EventRecord) => void): void;
  /** Records `from` to `to` as JSON (UTF-8), joined by commas. */
  json(from: number, to: number): Uint8Array;
  /** The last of records `from` to `to` whose JSON ends within `bytes` of the first's start (`from` itself, at least). */
  pieceEnd(from: number, to: number, bytes: number): number;
  /** Keeps the records readable, whatever closes the source meanwhile, until the release returned is called. */
  hold(): () => void;
}

/** How many records `range` reads at once. */
const RECORDS_AT_ONCE = 1024;
/**
 * About the most bytes in a piece of `json` (a longer record comes alone): small enough that a
 * client reading slowly still takes one well within the web host's send timeout.
 */
const PIECE_BYTES = 64 << 10;

export class Records {
  /** By sequence - 1: each record, or undefined for one the source gives back when asked. */
  #records: (EventRecord | undefined)[] = [];
  readonly #source: RecordSource | undefined;
  /** How many records (the first ones) are in the source. */
  #sourced = 0;

  constructor(source?: RecordSource) {
    this.#source = source;
  }

  get count(): number {
    return this.#records.length;
  }

  /** Adds the next record, kept in memory. */
  push(record: EventRecord): void {
    this.#records.push(record);
  }

  /** Adds the next `count` records as ones the source holds; only before any is kept (a file's records come first). */
  pushSourced(count = 1): void {
    if (!this.#source || this.#sourced !== this.count) throw new Error('a record left in its source needs a source, and comes before any record kept in memory');
    this.#records.length += count;
    this.#sourced += count;
  }

  /** Keeps record `seq`, which the source holds, as read already: the reader had it parsed in hand. */
  hold(record: EventRecord): void {
    if (!(record.seq >= 1 && record.seq <= this.#sourced)) throw new RangeError(`record ${record.seq} is not one the source holds`);
    this.#records[record.seq - 1] = record;
  }

  /** Record `seq` (1 to count), read from the source if it is not kept; reading it does not keep it. */
  get(seq: number): EventRecord {
    return this.#records[seq - 1] ?? this.#source!.record(seq);
  }

  /** Record `seq` if it is in memory: added as it was appended, or kept once read. */
  inMemory(seq: number): EventRecord | undefined {
    return this.#records[seq - 1];
  }

  /** Record `seq`, kept from now on: for a lookup by id, whose caller reads the record next. */
  keep(seq: number): EventRecord {
    return (this.#records[seq - 1] ??= this.#source!.record(seq));
  }

  /** Records `from` to `to`, read a page at a time, together (see `RecordSource.records`); not kept. */
  *range(from: number, to: number): Generator<EventRecord> {
    const last = Math.min(to, this.count);
    for (let first = Math.max(from, 1); first <= last; first += RECORDS_AT_ONCE) {
      const page = this.#records.slice(first - 1, Math.min(first - 1 + RECORDS_AT_ONCE, last));
      const missing: number[] = [];
      for (let i = 0; i < page.length; i++) if (page[i] === undefined) missing.push(first + i);
      if (missing.length > 0) this.#source!.records(missing, (seq, record) => (page[seq - first] = record));
      yield* page as EventRecord[];
    }
  }

  /**
   * Records `from` to `to` as JSON (UTF-8), joined by commas, as stored where they are stored: the
   * inside of a JSON array, in pieces (the commas between them are pieces too) of up to PIECE_BYTES
   * (but for a longer record, alone), of stored lines or of records kept in memory (those appended
   * since the log was read). A page of a large log is megabytes:
   * made whole, or as a string, it was allocated and freed for each page, and the process kept
   * the high-water mark. The source is held (see `RecordSource.hold`) until the last piece is
   * read, or the caller stops early (the generator's `return`).
   */
  *json(from: number, to: number): Generator<Uint8Array> {
    const [first, last] = [Math.max(from, 1), Math.min(to, this.count)];
    const stored = Math.min(last, this.#sourced);
    const encoder = new TextEncoder();
    const comma = encoder.encode(',');
    const release = first <= stored ? this.#source!.hold() : undefined;
    try {
      let start = first;
      while (start <= stored) {
        const end = this.#source!.pieceEnd(start, stored, PIECE_BYTES);
        if (start > first) yield comma;
        yield this.#source!.json(start, end);
        start = end + 1;
      }
      while (start <= last) {
        const kept: string[] = [];
        for (let seq = start, size = 0; seq <= last && size < PIECE_BYTES; seq++) {
          kept.push(JSON.stringify(this.#records[seq - 1]));
          size += kept[kept.length - 1]!.length;
        }
        if (start > first) yield comma;
        yield encoder.encode(kept.join(','));
        start += kept.length;
      }
    } finally {
      release?.();
    }
  }

  /** Reads those of these records not kept, together, without keeping them. */
  readOnce(seqs: ArrayLike<number>): Map<number, EventRecord> {
    const read = new Map<number, EventRecord>();
    const wanted = this.#unread(seqs);
    if (wanted.length > 0) this.#source!.records(wanted, (seq, record) => read.set(seq, record));
    return read;
  }

  /** Those of these sequences whose records are in the source only, ascending. */
  #unread(seqs: ArrayLike<number>): number[] {
    const wanted: number[] = [];
    for (let i = 0; i < seqs.length; i++) if (seqs[i]! <= this.#sourced && this.#records[seqs[i]! - 1] === undefined) wanted.push(seqs[i]!);
    return wanted.sort((a, b) => a - b);
  }
}
