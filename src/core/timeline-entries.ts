/**
 * A timeline's index: its facts' (effective time, sequence) in order, when each was hidden, and the
 * marks its ledger gave each, in typed arrays (a million-event log allocates no object per entry).
 *
 * Invariants:
 * - Entries are ordered by (time, seq); seq is unique, so the order is total and stable.
 * - An entry is visible to readers who know sequence S iff seq <= S < hiddenFrom.
 * - Every read settles first (merges the facts waiting to be merged), so none sees them out of order.
 */
import { grow } from './grow';
import { firstTrue, upperBound } from './search';

/** The arrays of a timeline's index, and their types: what is stored and loaded again (see `LedgerIndex`). */
export const entriesArrays = { times: Float64Array, seqs: Float64Array, hiddenFrom: Float64Array, marks: Uint8Array, insertSeqs: Float64Array, frontTimes: Float64Array } as const;

/** A timeline's index as arrays of their exact lengths. */
export type EntriesIndex = { -readonly [K in keyof typeof entriesArrays]: InstanceType<(typeof entriesArrays)[K]> };

export class TimelineEntries {
  #length = 0;
  #times = new Float64Array(16);
  #seqs = new Float64Array(16);
  #hiddenFrom = new Float64Array(16).fill(Infinity);
  /** Each entry's marks, a byte the ledger gives it (baseline, naming, known only to the day or coarser): what searches over many entries read instead of the facts. */
  #marks = new Uint8Array(16);
  /** Every mark any entry has had (entries are hidden, never removed): a search for a mark no entry has reads none. */
  #marksSeen = 0;
  /** Each entry's list of state parts (see `PartTable`) plus one, learned when first asked; 0 until then. Not stored. */
  #partLists = new Int32Array(16);
  /** Facts inserted before the last entry, and hides of entries, waiting for the next read (see `insert`). */
  #late: { time: number; seq: number; marks: number }[] = [];
  #lateHides: { time: number; seq: number; fromSeq: number }[] = [];
  /**
   * In insertion (= sequence) order: each insert's seq, and the latest effective time inserted so
   * far. A reader at S sees nothing after the front time of its last insert, so no question of
   * that reader replays past it, however late the moment asked about.
   */
  #insertSeqs = new Float64Array(16);
  #frontTimes = new Float64Array(16);
  #inserts = 0;
  /** Told the first position whose entry or visibility changed: what was derived from there on is stale. */
  readonly #changedFrom: (position: number) => void;

  constructor(changedFrom: (position: number) => void) {
    this.#changedFrom = changedFrom;
  }

  get length(): number {
    this.settle();
    return this.#length;
  }

  /** The index as it is now, settled: copies, so later inserts leave it as it was. */
  exportIndex(): EntriesIndex {
    this.settle();
    const length = this.#length;
    return {
      times: this.#times.slice(0, length),
      seqs: this.#seqs.slice(0, length),
      hiddenFrom: this.#hiddenFrom.slice(0, length),
      marks: this.#marks.slice(0, length),
      insertSeqs: this.#insertSeqs.slice(0, this.#inserts),
      frontTimes: this.#frontTimes.slice(0, this.#inserts),
    };
  }

  /** Takes over an index `exportIndex` made, in place of entries inserted one by one; only while empty. */
  loadIndex(index: EntriesIndex): void {
    if (this.#inserts > 0) throw new Error('an index is loaded into an empty timeline only');
    const length = index.times.length;
    [this.#times, this.#seqs, this.#hiddenFrom, this.#marks] = [index.times, index.seqs, index.hiddenFrom, index.marks];
    [this.#insertSeqs, this.#frontTimes] = [index.insertSeqs, index.frontTimes];
    this.#marksSeen = index.marks.reduce((seen, marks) => seen | marks, 0);
    this.#length = length;
    this.#partLists = new Int32Array(length);
    this.#inserts = index.insertSeqs.length;
  }

  /** Effective times in order; a view, valid until the next insert. */
  get times(): Float64Array {
    this.settle();
    return this.#times.subarray(0, this.#length);
  }

  /** Every mark some entry has, or had (one now hidden included), OR-ed together. */
  get marksSeen(): number {
    return this.#marksSeen;
  }

  /** Each entry's marks in order; a view, valid until the next insert. */
  get marks(): Uint8Array {
    this.settle();
    return this.#marks.subarray(0, this.#length);
  }

  /** Sequences in order, as they are: for loops that run once the entries are settled; valid until the next insert. */
  get seqs(): Float64Array {
    return this.#seqs;
  }

  /**
   * The first (or, `fromEnd`, the last) position a reader at `knownSeq` sees whose marks include
   * `mark` (any visible entry when `mark` is 0); -1 if none. One pass over the arrays: names and
   * coverage of a company with no such fact scan all its entries, on the way to the first state.
   * `skip` positions are passed over first (in the direction searched), to find the next one.
   */
  findMarked(mark: number, knownSeq: number, fromEnd = false, skip = 0): number {
    this.settle();
    const passed = Math.min(skip, this.#length);
    const [from, to, step] = fromEnd ? [this.#length - 1 - passed, -1, -1] : [passed, this.#length, 1];
    for (let i = from; i !== to; i += step) if ((mark === 0 || this.#marks[i]! & mark) && this.visible(i, knownSeq)) return i;
    return -1;
  }

  /** Whether a reader at `knownSeq` sees the entry; for loops that run once the entries are settled. */
  visible(position: number, knownSeq: number): boolean {
    return this.#seqs[position]! <= knownSeq && knownSeq < this.#hiddenFrom[position]!;
  }

  /** Whether the entry is in force at the head (no revision hides it). */
  live(position: number): boolean {
    return this.#hiddenFrom[position] === Infinity;
  }

  /** The number of the entry's list of parts, if known (see `setPartList`). */
  partList(position: number): number | undefined {
    const known = this.#partLists[position]!;
    return known === 0 ? undefined : known - 1;
  }

  /** Notes the number of the entry's list of parts; it moves with the entry. */
  setPartList(position: number, list: number): void {
    this.#partLists[position] = list + 1;
  }

  /** Positions before `end` that a reader at `knownSeq` sees otherwise than the head does, ascending (settled). */
  differing(knownSeq: number, end: number): number[] {
    const found: number[] = [];
    for (let i = 0; i < end; i++) {
      const hidden = this.#hiddenFrom[i]!;
      if ((this.#seqs[i]! <= knownSeq && knownSeq < hidden) !== (hidden === Infinity)) found.push(i);
    }
    return found;
  }

  /** The latest sequence at which the entry appeared or was hidden. */
  lastChange(position: number): number {
    const hidden = this.#hiddenFrom[position]!;
    return hidden === Infinity ? this.#seqs[position]! : Math.max(this.#seqs[position]!, hidden);
  }

  /** Number of entries whose effective time is at or before `time`. */
  countUntil(time: number): number {
    this.settle();
    return this.#lowerBound(time, Infinity);
  }

  /** How many entries a reader at `knownSeq` needs to replay for any moment: those up to its front. */
  frontEnd(knownSeq: number): number {
    const known = upperBound(this.#insertSeqs.subarray(0, this.#inserts), knownSeq);
    return known === this.#inserts ? this.length : known === 0 ? 0 : this.countUntil(this.#frontTimes[known - 1]!);
  }

  /** Enters the fact with sequence `seq` at effective time `time`, with the ledger's `marks` for it. */
  insert(seq: number, time: number, marks = 0): void {
    this.#marksSeen |= marks;
    this.#noteFront(seq, time);
    // Facts mostly arrive in time order: at or after the last entry they go at the end (seqs only
    // grow, so an equal time sorts after it). A back-dated fact or a correction waits to be merged
    // in, with the others that come before the next read: opening a log inserts thousands of them,
    // and shifting half a timeline for each cost more than all the rest of its indexing.
    if (this.#length > 0 && time < this.#times[this.#length - 1]!) {
      this.#late.push({ time, seq, marks });
      return;
    }
    this.#reserve(this.#length + 1);
    this.#place(this.#length, time, seq, marks);
    this.#length += 1;
    this.#changedFrom(this.#length - 1);
  }

  /** Marks the entry (time, seq) as superseded from sequence `fromSeq` on (a correction or retraction). */
  hide(time: number, seq: number, fromSeq: number): void {
    // The entry may be among the facts still waiting to be merged: the hide waits with them.
    if (this.#late.length > 0) {
      this.#lateHides.push({ time, seq, fromSeq });
      return;
    }
    const at = this.#lowerBound(time, seq);
    if (at >= this.#length || this.#seqs[at] !== seq || this.#times[at] !== time) return;
    this.#hiddenFrom[at] = Math.min(this.#hiddenFrom[at]!, fromSeq);
    this.#changedFrom(at);
  }

  /** Merges the waiting facts into their places, in one pass from the end, then applies the hides that waited for them. */
  settle(): void {
    if (this.#late.length === 0) return;
    const late = this.#late.sort((a, b) => a.time - b.time || a.seq - b.seq);
    this.#late = [];
    this.#reserve(this.#length + late.length);
    let main = this.#length - 1;
    let write = this.#length + late.length - 1;
    for (let next = late.length - 1; next >= 0; write -= 1) {
      const { time, seq, marks } = late[next]!;
      if (main >= 0 && (this.#times[main]! > time || (this.#times[main] === time && this.#seqs[main]! > seq))) {
        this.#place(write, this.#times[main]!, this.#seqs[main]!, this.#marks[main]!, this.#hiddenFrom[main], this.#partLists[main]);
        main -= 1;
      } else {
        this.#place(write, time, seq, marks);
        next -= 1;
      }
    }
    this.#length += late.length;
    this.#changedFrom(main + 1);
    for (const { time, seq, fromSeq } of this.#lateHides.splice(0)) this.hide(time, seq, fromSeq);
  }

  /** First position whose (time, seq) is not before the given key. */
  #lowerBound(time: number, seq: number): number {
    return firstTrue(this.#length, (i) => this.#times[i]! > time || (this.#times[i] === time && this.#seqs[i]! >= seq));
  }

  #reserve(capacity: number): void {
    if (capacity <= this.#times.length) return;
    const grown = Math.max(capacity, this.#times.length * 2);
    this.#times = grow(this.#times, grown);
    this.#seqs = grow(this.#seqs, grown);
    this.#hiddenFrom = grow(this.#hiddenFrom, grown, Infinity);
    this.#marks = grow(this.#marks, grown);
    this.#partLists = grow(this.#partLists, grown);
  }

  #place(at: number, time: number, seq: number, marks: number, hiddenFrom = Infinity, partList = 0): void {
    this.#times[at] = time;
    this.#partLists[at] = partList;
    this.#seqs[at] = seq;
    this.#marks[at] = marks;
    this.#hiddenFrom[at] = hiddenFrom;
  }

  #noteFront(seq: number, time: number): void {
    if (this.#inserts === this.#insertSeqs.length) {
      this.#insertSeqs = grow(this.#insertSeqs, this.#inserts + 1);
      this.#frontTimes = grow(this.#frontTimes, this.#inserts + 1);
    }
    this.#insertSeqs[this.#inserts] = seq;
    this.#frontTimes[this.#inserts] = Math.max(time, this.#inserts ? this.#frontTimes[this.#inserts - 1]! : -Infinity);
    this.#inserts += 1;
  }
}
