/**
 * Reading a log line by line from anywhere but a file (a database, a copy in progress): each line
 * is parsed, checked, hashed and chained exactly as `readLog` does, and a batch joins the ledger
 * only once its last record has been read. Damage throws `damaged` naming the record.
 */
import type { EventRecord } from '../core/event';
import type { Ledger } from '../core/ledger';
import type { Digests } from './digests';
import { damaged, problemWith } from './line-checks';

export class ChainReader {
  readonly #ledger: Ledger;
  readonly #digests: Digests;
  /** Records of a batch of two or more whose end has not been read yet. */
  #open: EventRecord[] = [];
  #read: number;
  /** Throws when a whole batch must not join the ledger (called before any of it does). */
  readonly #vet: ((batch: readonly EventRecord[]) => void) | undefined;

  constructor(ledger: Ledger, digests: Digests, vet?: (batch: readonly EventRecord[]) => void) {
    this.#ledger = ledger;
    this.#digests = digests;
    this.#vet = vet;
    this.#read = ledger.head;
  }

  /** Seqs read so far, an unfinished batch included. */
  get read(): number {
    return this.#read;
  }

  /** True while a batch has started and not ended. */
  get inBatch(): boolean {
    return this.#open.length > 0;
  }

  /** Verifies one line and adds it; returns the records that joined the ledger (a whole batch, or none yet). */
  push(line: string): EventRecord[] {
    const seq = this.#read + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw damaged(seq, 'not valid JSON');
    }
    const problem = problemWith(value, seq, this.#digests.hexOf(seq - 1));
    if (problem) throw damaged(seq, problem);
    const record = value as EventRecord;
    const batch = this.#open[0];
    if (batch && record.batchend !== batch.batchend) throw damaged(seq, `batch #${batch.seq}-#${batch.batchend} is interrupted by a record outside it`);
    this.#digests.pushHashOf(line);
    this.#read = seq;
    if (record.batchend !== undefined && record.batchend > seq) {
      this.#open.push(record);
      return [];
    }
    const joined = [...this.#open, record];
    this.#open = [];
    this.#vet?.(joined);
    for (const member of joined) {
      try {
        this.#ledger.add(member);
      } catch (error) {
        throw damaged(member.seq, (error as Error).message);
      }
    }
    return joined;
  }
}
