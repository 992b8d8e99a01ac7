/**
 * The facts replay reads, by sequence, from a log's records: a record in memory as it is, and one
 * read back from where it is stored kept as its fact (`factOf`: no citation, none of the chain's
 * fields, a third of the parsed record). Replays come back to the same facts (checkpoints,
 * scrubbing). At a million events the whole records kept for replay were most of the heap, and
 * the garbage collector's marking of it set the tail of known-at questions.
 */
import { factOf, type Effective } from './evolve';
import type { Records } from './records';

export class KeptFacts {
  readonly #records: Records;
  /** By sequence - 1: the facts read back so far. */
  readonly #kept: (Effective | undefined)[] = [];

  constructor(records: Records) {
    this.#records = records;
  }

  /** The fact record `seq` states, kept once read back. */
  of(seq: number): Effective {
    return (this.#records.inMemory(seq) as Effective | undefined) ?? this.#kept[seq - 1] ?? this.#keep(factOf(this.#records.get(seq)));
  }

  /** Reads back together those of these records whose facts are not at hand, and keeps their facts, before a replay reaches them. */
  prefetch(seqs: Float64Array): void {
    const unread = seqs.filter((seq) => this.#kept[seq - 1] === undefined);
    if (unread.length > 1) for (const record of this.#records.readOnce(unread).values()) this.#keep(factOf(record));
  }

  #keep(fact: Effective): Effective {
    // Grown to the log's length first: an array written far past its end becomes a dictionary.
    if (this.#kept.length < this.#records.count) this.#kept.length = this.#records.count;
    return (this.#kept[fact.seq - 1] = fact);
  }
}
