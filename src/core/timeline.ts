/**
 * One company's facts in effective-time order, with checkpoints, answering "state at T as known at
 * sequence S" from the nearest usable checkpoint instead of from the start.
 *
 * Invariants:
 * - Entries are ordered by (time, seq); seq is unique, so the order is total and stable.
 * - An entry is visible to readers who know sequence S iff seq <= S < hiddenFrom.
 * - Checkpoint j is the state after every entry at positions < j*K that is visible at the head.
 *   It is also right for a reader at S if no entry before j*K changed visibility after S; `changeMax`
 *   records the latest such change, and it only grows with j, so the usable checkpoints are a prefix.
 * - Inserting or hiding at position q invalidates only the checkpoints after q.
 * - A reader far behind the head (known-at set well in the past, with back-dated facts or
 *   corrections in between) gets checkpoints of its own, exact for its S; a few such chains are kept.
 */
import type { Effective } from './evolve';
import { evolve } from './evolve';
import { grow } from './grow';
import { firstTrue, upperBound } from './search';
import { copyState, freezeShallow, frozenCopy, initialState, type CompanyState } from './state';

export const CHECKPOINT_INTERVAL = 128;
/** How many facts the head state's first replay reads at once. */
const HEAD_READS = 4096;

/** Where a timeline's facts come from (its ledger), by sequence. */
export interface Facts {
  of(seq: number): Effective;
  /** Reads these facts together, and keeps them, before a replay reaches them. */
  prefetch(seqs: Float64Array): void;
  /** Reads these facts together without keeping them, for a replay that will not come back to them. */
  readOnce(seqs: Float64Array): ReadonlyMap<number, Effective>;
}
/** How many known-at readers keep checkpoint chains of their own (least recently used goes first). */
const READER_CHAINS = 4;

interface Checkpoint {
  state: CompanyState;
  changeMax: number;
}

export class Timeline {
  readonly company: string;
  #length = 0;
  #times = new Float64Array(16);
  #seqs = new Float64Array(16);
  #hiddenFrom = new Float64Array(16).fill(Infinity);
  /** Each entry's marks, a byte the ledger gives it (baseline, naming): what searches over many entries read instead of the facts. */
  #marks = new Uint8Array(16);
  /** Facts inserted before the last entry, and hides of entries, waiting for the next question (see `insert`). */
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
  #checkpoints: Checkpoint[];
  /** Checkpoint chains exact for one known sequence each, most recently used last. */
  #readerChains = new Map<number, Checkpoint[]>();
  /** The known sequence of the previous question: a reader that asks twice is scrubbing, and gets a chain. */
  #lastKnownSeq = -1;

  readonly #name: string;
  /**
   * The facts by sequence. The timeline holds sequences, not facts: a log read from a file keeps
   * its records on disk, and they are parsed again when a replay reaches them.
   */
  readonly #facts: Facts;
  /** The state after every live entry before `length`: see `headState`. */
  #head: { state: CompanyState; length: number } | undefined;
  /** False: every question is replayed from the start (a one-shot process asks too few to pay for checkpoints). */
  readonly #checkpointing: boolean;

  /** `name`: what to call the company before an event names it. */
  constructor(company: string, facts: Facts, { name = company, checkpointing = true }: { name?: string; checkpointing?: boolean } = {}) {
    this.company = company;
    this.#facts = facts;
    this.#name = name;
    this.#checkpointing = checkpointing;
    this.#checkpoints = [{ state: freezeShallow(initialState(company, name)), changeMax: 0 }];
  }

  get length(): number {
    this.#settle();
    return this.#length;
  }

  /** Effective times in order; a view, valid until the next insert. */
  get times(): Float64Array {
    this.#settle();
    return this.#times.subarray(0, this.#length);
  }

  effectAt(position: number): Effective {
    this.#settle();
    return this.#facts.of(this.#seqs[position]!);
  }

  marksAt(position: number): number {
    this.#settle();
    return this.#marks[position]!;
  }

  visibleAt(position: number, knownSeq: number): boolean {
    this.#settle();
    return this.#visible(position, knownSeq);
  }

  /** `visibleAt` for replay's own loops, which run once the timeline is settled: no check per entry. */
  #visible(position: number, knownSeq: number): boolean {
    return this.#seqs[position]! <= knownSeq && knownSeq < this.#hiddenFrom[position]!;
  }

  /** First position whose (time, seq) is not before the given key. */
  #lowerBound(time: number, seq: number): number {
    return firstTrue(this.#length, (i) => this.#times[i]! > time || (this.#times[i] === time && this.#seqs[i]! >= seq));
  }

  /** Number of entries whose effective time is at or before `time`. */
  countUntil(time: number): number {
    this.#settle();
    return this.#lowerBound(time, Infinity);
  }

  /** Enters the fact with sequence `seq` at effective time `time`, with the ledger's `marks` for it. */
  insert(seq: number, time: number, marks = 0): void {
    this.#noteFront(seq, time);
    // Facts mostly arrive in time order: at or after the last entry they go at the end (seqs only
    // grow, so an equal time sorts after it). A back-dated fact or a correction waits to be merged
    // in, with the others that come before the next question: opening a log inserts thousands of
    // them, and shifting half a timeline for each cost more than all the rest of its indexing.
    if (this.#length > 0 && time < this.#times[this.#length - 1]!) {
      this.#late.push({ time, seq, marks });
      return;
    }
    this.#reserve(this.#length + 1);
    this.#place(this.#length, time, seq, marks);
    this.#length += 1;
    this.#invalidateAfter(this.#length - 1);
  }

  #reserve(capacity: number): void {
    if (capacity <= this.#times.length) return;
    const grown = Math.max(capacity, this.#times.length * 2);
    this.#times = grow(this.#times, grown);
    this.#seqs = grow(this.#seqs, grown);
    this.#hiddenFrom = grow(this.#hiddenFrom, grown, Infinity);
    const marks = new Uint8Array(grown);
    marks.set(this.#marks);
    this.#marks = marks;
  }

  #place(at: number, time: number, seq: number, marks: number, hiddenFrom = Infinity): void {
    this.#times[at] = time;
    this.#seqs[at] = seq;
    this.#marks[at] = marks;
    this.#hiddenFrom[at] = hiddenFrom;
  }

  /**
   * Merges the waiting facts into their places, in one pass from the end, then applies the hides
   * that waited for them. Every question settles first, so none ever sees a timeline out of order.
   */
  #settle(): void {
    if (this.#late.length === 0) return;
    const late = this.#late.sort((a, b) => a.time - b.time || a.seq - b.seq);
    this.#late = [];
    this.#reserve(this.#length + late.length);
    let main = this.#length - 1;
    let write = this.#length + late.length - 1;
    for (let next = late.length - 1; next >= 0; write -= 1) {
      const { time, seq, marks } = late[next]!;
      if (main >= 0 && (this.#times[main]! > time || (this.#times[main] === time && this.#seqs[main]! > seq))) {
        this.#place(write, this.#times[main]!, this.#seqs[main]!, this.#marks[main]!, this.#hiddenFrom[main]);
        main -= 1;
      } else {
        this.#place(write, time, seq, marks);
        next -= 1;
      }
    }
    this.#length += late.length;
    this.#invalidateAfter(main + 1);
    for (const { time, seq, fromSeq } of this.#lateHides.splice(0)) this.hide(time, seq, fromSeq);
  }

  #noteFront(seq: number, time: number): void {
    if (this.#inserts === this.#insertSeqs.length) {
      this.#insertSeqs = grow(this.#insertSeqs, this.#inserts * 2);
      this.#frontTimes = grow(this.#frontTimes, this.#inserts * 2);
    }
    this.#insertSeqs[this.#inserts] = seq;
    this.#frontTimes[this.#inserts] = Math.max(time, this.#inserts ? this.#frontTimes[this.#inserts - 1]! : -Infinity);
    this.#inserts += 1;
  }

  /** How many entries a reader at `knownSeq` needs to replay for any moment: those up to its front. */
  #frontEnd(knownSeq: number): number {
    const known = upperBound(this.#insertSeqs.subarray(0, this.#inserts), knownSeq);
    return known === this.#inserts ? this.#length : known === 0 ? 0 : this.countUntil(this.#frontTimes[known - 1]!);
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
    this.#invalidateAfter(at);
  }

  #invalidateAfter(position: number): void {
    const keep = Math.floor(position / CHECKPOINT_INTERVAL) + 1;
    for (const chain of [this.#checkpoints, ...this.#readerChains.values()]) if (chain.length > keep) chain.length = keep;
    if (this.#head && position < this.#head.length) this.#head = undefined;
  }

  #prefetchRange(from: number, to: number): void {
    if (to - from > 1) this.#facts.prefetch(this.#seqs.subarray(from, Math.min(to, this.#length)));
  }

  /**
   * The state after every live entry (those the head chain replays): what an append at the end is
   * checked against. It is one checkpoint that moves with the end. The first call replays the
   * timeline once and keeps neither the records nor checkpoints along the way; building the head
   * chain would cost about twice as much for a question that needs only the end. Later calls apply
   * only the entries added since, until a change before them (a back-dated fact, a revision)
   * drops it.
   */
  headState(): CompanyState {
    this.#settle();
    const head = this.#head;
    if (head?.length === this.#length) return head.state;
    const state = head ? copyState(head.state) : initialState(this.company, this.#name);
    for (let start = head?.length ?? 0; start < this.#length; start += HEAD_READS) {
      const end = Math.min(start + HEAD_READS, this.#length);
      const read = this.#facts.readOnce(this.#seqs.subarray(start, end));
      for (let i = start; i < end; i++) {
        const seq = this.#seqs[i]!;
        if (this.#hiddenFrom[i] === Infinity) evolve(state, read.get(seq) ?? this.#facts.of(seq));
      }
    }
    this.#head = { state: freezeShallow(state), length: this.#length };
    return this.#head.state;
  }

  #lastChange(position: number): number {
    const hidden = this.#hiddenFrom[position]!;
    return hidden === Infinity ? this.#seqs[position]! : Math.max(this.#seqs[position]!, hidden);
  }

  /**
   * Extends `chain` to index `upTo` by one mutable replay of the entries `knownSeq` can see (all
   * live ones for the head chain), freezing a copy at each boundary. Copies share every value they
   * did not change (evolve replaces values, never mutates them).
   */
  #extend(chain: Checkpoint[], upTo: number, knownSeq: number): void {
    if (chain.length > upTo) return;
    const head = chain === this.#checkpoints;
    const last = chain[chain.length - 1]!;
    const running = copyState(last.state);
    let changeMax = last.changeMax;
    this.#prefetchRange((chain.length - 1) * CHECKPOINT_INTERVAL, upTo * CHECKPOINT_INTERVAL);
    for (let j = chain.length - 1; j < upTo; j++) {
      for (let i = j * CHECKPOINT_INTERVAL, to = i + CHECKPOINT_INTERVAL; i < to; i++) {
        changeMax = Math.max(changeMax, this.#lastChange(i));
        if (head ? this.#hiddenFrom[i] === Infinity : this.#visible(i, knownSeq)) evolve(running, this.#facts.of(this.#seqs[i]!));
      }
      chain.push({ state: frozenCopy(running, chain[chain.length - 1]!.state), changeMax });
    }
  }

  /**
   * The chain for a reader at `knownSeq`, made or refreshed as most recently used. It starts as the
   * head chain's first `usable` checkpoints, which are already right for this reader.
   */
  #readerChain(knownSeq: number, usable: number): Checkpoint[] {
    const own = this.#readerChains.get(knownSeq);
    const chain = own && own.length > usable ? own : this.#checkpoints.slice(0, usable + 1);
    this.#readerChains.delete(knownSeq);
    this.#readerChains.set(knownSeq, chain);
    if (this.#readerChains.size > READER_CHAINS) this.#readerChains.delete(this.#readerChains.keys().next().value!);
    return chain;
  }

  /**
   * The frozen state after every entry at or before `time` that a reader knowing `knownSeq` sees.
   * A reader that asks again at the same `knownSeq` is scrubbing and gets checkpoints of its own
   * (building them costs about five replays).
   */
  stateAt(time: number, knownSeq: number): CompanyState {
    const end = Math.min(this.countUntil(time), this.#frontEnd(knownSeq));
    if (!this.#checkpointing) return freezeShallow(this.#replay(end, knownSeq));
    const target = Math.floor(end / CHECKPOINT_INTERVAL);
    this.#extend(this.#checkpoints, target, Infinity);
    let chain = this.#checkpoints;
    let j = target;
    while (j > 0 && chain[j]!.changeMax > knownSeq) j -= 1;
    const scrubbing = this.#readerChains.has(knownSeq) || this.#lastKnownSeq === knownSeq;
    this.#lastKnownSeq = knownSeq;
    if (target - j > 2 && scrubbing) {
      // Too far back to replay forward at every step: this reader gets checkpoints of its own.
      chain = this.#readerChain(knownSeq, j);
      this.#extend(chain, target, knownSeq);
      j = target;
    }
    const start = j * CHECKPOINT_INTERVAL;
    if (start === end) return chain[j]!.state;
    // At most a few intervals of events: replayed mutably on a copy, cheaper than drafting them.
    const state = copyState(chain[j]!.state);
    this.#prefetchRange(start, end);
    for (let i = start; i < end; i++) if (this.#visible(i, knownSeq)) evolve(state, this.#facts.of(this.#seqs[i]!));
    return freezeShallow(state);
  }

  /**
   * The state after every entry at or before `time` for which `visible(position)` holds, replayed
   * from the start: for visibility that is not a prefix of the log (as published by a time).
   */
  replayWhere(time: number, visible: (position: number) => boolean): CompanyState {
    const state = initialState(this.company, this.#name);
    const end = this.countUntil(time);
    this.#prefetchRange(0, end);
    for (let i = 0; i < end; i++) if (visible(i)) evolve(state, this.#facts.of(this.#seqs[i]!));
    return freezeShallow(state);
  }

  /** The same answer by mutable replay from the initial state: the reference the checkpoints must match. */
  replayFromStart(time: number, knownSeq: number): CompanyState {
    return this.#replay(this.countUntil(time), knownSeq);
  }

  #replay(end: number, knownSeq: number): CompanyState {
    const state = initialState(this.company, this.#name);
    this.#prefetchRange(0, end);
    for (let i = 0; i < end; i++) if (this.#visible(i, knownSeq)) evolve(state, this.#facts.of(this.#seqs[i]!));
    return state;
  }
}
