/**
 * The records of an opened log file, read back from disk when a question reaches them. Opening
 * indexes each record and drops it (keeping a million parsed records cost more than parsing them);
 * this keeps where each line is, and gives the record back parsed again. Every line read back is
 * hashed and checked against the chain the log was verified with, so a file changed in place after
 * opening is refused, never answered from, and the index beside it removed.
 */
import { closeSync, rmSync } from 'node:fs';
import type { EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { grow } from '../core/grow';
import { upperBound } from '../core/search';
import type { RecordSource } from '../core/records';
import type { Digests } from './digests';
import { indexPath } from './index-cache';
import { readFully } from './read-fully';

const COMMA = 0x2c;
/** The most bytes read at once for `records`: nearby lines come in one read, not a whole file. */
const RUN_BYTES = 1 << 20;

/** Removes the index stored beside the log, if there is one and it can be: it is derived data, and a read-only folder only leaves it. */
function forgetIndex(path: string): void {
  try {
    rmSync(indexPath(path), { force: true });
  } catch {
    // Kept: the next open still finds the change where it is read.
  }
}

export class LineSource implements RecordSource {
  #fd: number | undefined;
  readonly #path: string;
  /** The chain's digest of each line: what a line read back must hash to. */
  readonly #digests: Digests;
  /** Where line n starts is #starts[n - 1]; #starts[n] is one past its newline. */
  #starts = new Float64Array(1024);
  #count = 0;
  #scratch = Buffer.allocUnsafe(4096);
  /** Pages being sent that read through the file (see `hold`), and whether it is to be closed once they are done. */
  #holds = 0;
  #closing = false;

  /**
   * Takes over `fd` (open for reading on `path`): `close` closes it. `starts`: where the first lines
   * start, as `starts()` gave them, when opening resumes from a stored index.
   */
  constructor(fd: number, path: string, digests: Digests, starts?: Float64Array<ArrayBuffer>) {
    this.#fd = fd;
    this.#path = path;
    this.#digests = digests;
    if (starts && starts.length > 0) {
      this.#starts = grow(starts, starts.length + 1);
      this.#count = starts.length - 1;
    }
  }

  /** Where lines 1 to n start, and one past the last one's newline: a copy, to store. */
  starts(): Float64Array<ArrayBuffer> {
    return this.#starts.slice(0, this.#count + 1);
  }

  /** Notes the next line: its bytes are `start` to `end` in the file, a newline after them. */
  note(start: number, end: number): void {
    if (this.#count + 2 > this.#starts.length) this.#starts = grow(this.#starts, this.#count + 2);
    this.#starts[this.#count] = start;
    this.#starts[this.#count + 1] = end + 1;
    this.#count += 1;
  }

  /** Record `seq`, parsed from its line on disk; throws if the line is no longer what was verified. */
  record(seq: number): EventRecord {
    const length = this.#span(seq, seq);
    if (length > this.#scratch.length) this.#scratch = Buffer.allocUnsafe(Math.max(length, this.#scratch.length * 2));
    const bytes = this.#read(seq, this.#scratch.subarray(0, length));
    return JSON.parse(this.#line(seq, bytes, seq).toString('utf8')) as EventRecord;
  }

  /**
   * Records `seqs` (ascending), each given to `take`: the lines near one another are read together,
   * so a replay of a company's records makes a read per run of them, not one per record.
   */
  records(seqs: readonly number[], take: (seq: number, record: EventRecord) => void): void {
    for (let i = 0; i < seqs.length; ) {
      const first = seqs[i]!;
      let last = i;
      while (last + 1 < seqs.length && this.#span(first, seqs[last + 1]!) <= RUN_BYTES) last += 1;
      const bytes = this.#read(first, Buffer.allocUnsafe(this.#span(first, seqs[last]!)));
      for (; i <= last; i++) take(seqs[i]!, JSON.parse(this.#line(seqs[i]!, bytes, first).toString('utf8')) as EventRecord);
    }
  }

  /**
   * Records `from` to `to` as their lines, joined by commas (the inside of a JSON array): one read,
   * each line checked, none parsed.
   */
  json(from: number, to: number): Buffer {
    const bytes = this.#read(from, Buffer.allocUnsafe(this.#span(from, to)));
    for (let seq = from; seq <= to; seq++) this.#line(seq, bytes, from);
    for (let seq = from; seq < to; seq++) bytes[this.#starts[seq]! - 1 - this.#starts[from - 1]!] = COMMA;
    return bytes;
  }

  pieceEnd(from: number, to: number, bytes: number): number {
    // #starts[n] is where line n ends (one past its newline): the first past the limit is the line too many.
    const past = upperBound(this.#starts.subarray(from, to + 1), this.#starts[from - 1]! + bytes);
    return Math.max(from, from + past - 1);
  }

  /** How many bytes lines `from` to `to` take, the newlines between them included. */
  #span(from: number, to: number): number {
    if (this.#fd === undefined) throw new IncumbentError('io', `${this.#path} was closed; its records can no longer be read`);
    if (!(from >= 1 && from <= to && to <= this.#count)) throw new RangeError(`lines ${from}-${to} were not all read from ${this.#path}`);
    return this.#starts[to]! - 1 - this.#starts[from - 1]!;
  }

  /** Fills `bytes` from the start of line `from`; whatever the file no longer has is left zero, which no line hashes to. */
  #read(from: number, bytes: Buffer): Buffer {
    bytes.fill(0, readFully(this.#fd!, bytes, this.#starts[from - 1]!));
    return bytes;
  }

  /** Line `seq` within `bytes` read from the start of line `from`, checked against the chain. */
  #line(seq: number, bytes: Buffer, from: number): Buffer {
    const base = this.#starts[from - 1]!;
    const line = bytes.subarray(this.#starts[seq - 1]! - base, this.#starts[seq]! - 1 - base);
    if (!this.#digests.matches(seq, line)) {
      // An index stored beside the log may have been keyed by the changed bytes (a write its ctime
      // did not show, see key-once-open.ts): it goes, so that reopening reads and checks every line.
      forgetIndex(this.#path);
      throw new IncumbentError('damaged', `line ${seq} of ${this.#path} changed on disk after the log was opened (it no longer has the hash the chain was verified with); the index beside it was removed, so reopening the log checks every line`);
    }
    return line;
  }

  /**
   * Keeps the file open until the returned release is called, whatever `close` is called meanwhile:
   * for a page being sent a piece at a time, which the log's closing (another log opened) would
   * otherwise cut short.
   */
  hold(): () => void {
    this.#holds += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#holds -= 1;
      if (this.#closing) this.close();
    };
  }

  /** Closes the file, or, while it is held, once the last hold is released. */
  close(): void {
    this.#closing = true;
    if (this.#holds > 0) return;
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }
}
