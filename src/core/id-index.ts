/**
 * Record ids to sequence numbers, as a hash table in two typed arrays: each slot holds an id's hash
 * and its record's sequence (0: empty). It holds no id: a hash that matches is confirmed by the
 * record's own id (`idOf`), which for a log file is read back from disk. So a million ids cost
 * 16 MB and no string, the table is stored in a log's index and loaded with it as it is (see
 * `LedgerIndex`), and reopening a log never builds a map of its ids.
 *
 * The hash is seeded at random for each new table, so a log cannot be written to make its ids
 * collide (which would make every lookup walk the whole table). A stored table keeps its seed.
 * Invariant: at most half the slots are full, so every probe ends at an empty slot.
 */
/** A table as plain data: what is stored, and loaded again. */
export interface IdIndexData {
  seed: number;
  /** How many slots are full. */
  count: number;
  hashes: Uint32Array<ArrayBuffer>;
  seqs: Uint32Array<ArrayBuffer>;
}

const FIRST_CAPACITY = 1024;

/** A 32-bit hash of the string's UTF-16 code units (MurmurHash2's mixing), seeded. */
function hashOf(id: string, seed: number): number {
  let h = (seed ^ id.length) >>> 0;
  for (let i = 0; i < id.length; i++) {
    h = Math.imul(h ^ id.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class IdIndex {
  readonly #idOf: (seq: number) => string;
  readonly #seed: number;
  #hashes: Uint32Array<ArrayBuffer>;
  #seqs: Uint32Array<ArrayBuffer>;
  #count = 0;

  /**
   * `idOf`: the id of the record with this sequence. `stored`: a stored table to take over (see
   * `consistentIdIndex`), or only the seed of a new one (to make a table again as it was made).
   */
  constructor(idOf: (seq: number) => string, stored: IdIndexData | { seed: number } = { seed: crypto.getRandomValues(new Uint32Array(1))[0]! }) {
    this.#idOf = idOf;
    this.#seed = stored.seed;
    if ('seqs' in stored) {
      [this.#hashes, this.#seqs, this.#count] = [stored.hashes, stored.seqs, stored.count];
    } else [this.#hashes, this.#seqs] = [new Uint32Array(FIRST_CAPACITY), new Uint32Array(FIRST_CAPACITY)];
  }

  get(id: string): number | undefined {
    // A hand-made log's revision may name no target: nothing has that id.
    if (typeof id !== 'string') return undefined;
    const hash = hashOf(id, this.#seed);
    const mask = this.#seqs.length - 1;
    for (let slot = hash & mask; this.#seqs[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.#hashes[slot] === hash && this.#idOf(this.#seqs[slot]!) === id) return this.#seqs[slot];
    }
    return undefined;
  }

  /** Notes the id of record `seq`; the caller has made sure it is not here yet. */
  set(id: string, seq: number): void {
    if (!(Number.isInteger(seq) && seq >= 1 && seq <= 0xffffffff)) throw new RangeError(`sequence ${seq} does not fit the id index`);
    if ((this.#count + 1) * 2 > this.#seqs.length) this.#resize(this.#seqs.length * 2);
    this.#place(hashOf(id, this.#seed), seq);
    this.#count += 1;
  }

  /** The table as it is now: copies, so later ids leave it as it was. */
  exportIndex(): IdIndexData {
    return { seed: this.#seed, count: this.#count, hashes: this.#hashes.slice(), seqs: this.#seqs.slice() };
  }

  #place(hash: number, seq: number): void {
    const mask = this.#seqs.length - 1;
    let slot = hash & mask;
    while (this.#seqs[slot] !== 0) slot = (slot + 1) & mask;
    this.#hashes[slot] = hash;
    this.#seqs[slot] = seq;
  }

  /** Moves every entry into a table of `capacity` slots (the hashes are kept, so no id is read). */
  #resize(capacity: number): void {
    const [hashes, seqs] = [this.#hashes, this.#seqs];
    [this.#hashes, this.#seqs] = [new Uint32Array(capacity), new Uint32Array(capacity)];
    for (let slot = 0; slot < seqs.length; slot++) if (seqs[slot] !== 0) this.#place(hashes[slot]!, seqs[slot]!);
  }
}

/**
 * Whether a stored table can be used for a ledger of `head` records: as many entries as records,
 * each a sequence it has, in a power-of-two table at most half full (so lookups end). Whether each
 * entry is where its id hashes is not checked here (that reads every record); a table that is
 * wrong there misses ids, never finds the wrong one, and `verify` finds it (`check-index.ts`).
 */
export function consistentIdIndex({ count, hashes, seqs }: IdIndexData, head: number): boolean {
  const capacity = seqs.length;
  if (count !== head || count * 2 > capacity || hashes.length !== capacity || capacity < FIRST_CAPACITY || (capacity & (capacity - 1)) !== 0) return false;
  let full = 0;
  for (let slot = 0; slot < capacity; slot++) {
    const seq = seqs[slot]!;
    if (seq > head) return false;
    if (seq !== 0) full += 1;
  }
  return full === count;
}
