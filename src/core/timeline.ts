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
 */
import { freeze } from 'immer';
import type { Effective } from './evolve';
import { evolve } from './evolve';
import { copyState, freezeShallow, initialState, type CompanyState } from './state';

export const CHECKPOINT_INTERVAL = 64;

interface Checkpoint {
  state: CompanyState;
  changeMax: number;
}

const grow = (array: Float64Array, capacity: number, fill?: number): Float64Array<ArrayBuffer> => {
  const next = new Float64Array(capacity);
  if (fill !== undefined) next.fill(fill);
  next.set(array);
  return next;
};

export class Timeline {
  readonly company: string;
  #length = 0;
  #times = new Float64Array(16);
  #seqs = new Float64Array(16);
  #hiddenFrom = new Float64Array(16).fill(Infinity);
  #effects: Effective[] = [];
  #checkpoints: Checkpoint[];

  constructor(company: string) {
    this.company = company;
    this.#checkpoints = [{ state: Object.freeze(initialState(company)), changeMax: 0 }];
  }

  get length(): number {
    return this.#length;
  }

  /** Effective times in order; a view, valid until the next insert. */
  get times(): Float64Array {
    return this.#times.subarray(0, this.#length);
  }

  effectAt(position: number): Effective {
    return this.#effects[position]!;
  }

  visibleAt(position: number, knownSeq: number): boolean {
    return this.#seqs[position]! <= knownSeq && knownSeq < this.#hiddenFrom[position]!;
  }

  /** First position whose (time, seq) is not before the given key. */
  #lowerBound(time: number, seq: number): number {
    let lo = 0;
    let hi = this.#length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.#times[mid]!;
      if (t < time || (t === time && this.#seqs[mid]! < seq)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of entries whose effective time is at or before `time`. */
  countUntil(time: number): number {
    return this.#lowerBound(time, Infinity);
  }

  insert(effect: Effective, time: number): void {
    if (this.#length === this.#times.length) {
      const capacity = this.#length * 2;
      this.#times = grow(this.#times, capacity);
      this.#seqs = grow(this.#seqs, capacity);
      this.#hiddenFrom = grow(this.#hiddenFrom, capacity, Infinity);
    }
    const at = this.#lowerBound(time, effect.seq);
    if (at < this.#length) {
      // A back-dated fact: shift the later entries by one.
      this.#times.copyWithin(at + 1, at, this.#length);
      this.#seqs.copyWithin(at + 1, at, this.#length);
      this.#hiddenFrom.copyWithin(at + 1, at, this.#length);
      this.#effects.splice(at, 0, effect);
    } else {
      this.#effects.push(effect);
    }
    this.#times[at] = time;
    this.#seqs[at] = effect.seq;
    this.#hiddenFrom[at] = Infinity;
    this.#length += 1;
    this.#invalidateAfter(at);
  }

  /** Marks the entry (time, seq) as superseded from sequence `fromSeq` on (a correction or retraction). */
  hide(time: number, seq: number, fromSeq: number): boolean {
    const at = this.#lowerBound(time, seq);
    if (at >= this.#length || this.#seqs[at] !== seq || this.#times[at] !== time) return false;
    this.#hiddenFrom[at] = Math.min(this.#hiddenFrom[at]!, fromSeq);
    this.#invalidateAfter(at);
    return true;
  }

  #invalidateAfter(position: number): void {
    const keep = Math.floor(position / CHECKPOINT_INTERVAL) + 1;
    if (this.#checkpoints.length > keep) this.#checkpoints.length = keep;
  }

  #lastChange(position: number): number {
    const hidden = this.#hiddenFrom[position]!;
    return hidden === Infinity ? this.#seqs[position]! : Math.max(this.#seqs[position]!, hidden);
  }

  /**
   * Builds checkpoints up to index `upTo` by one mutable replay, freezing a copy at each boundary.
   * Copies share every value they did not change (evolve replaces values, never mutates them).
   */
  #ensureCheckpoint(upTo: number): void {
    if (this.#checkpoints.length > upTo) return;
    const last = this.#checkpoints[this.#checkpoints.length - 1]!;
    const running = copyState(last.state);
    let changeMax = last.changeMax;
    for (let j = this.#checkpoints.length - 1; j < upTo; j++) {
      for (let i = j * CHECKPOINT_INTERVAL, to = i + CHECKPOINT_INTERVAL; i < to; i++) {
        changeMax = Math.max(changeMax, this.#lastChange(i));
        if (this.#hiddenFrom[i] === Infinity) evolve(running, this.#effects[i]!);
      }
      this.#checkpoints.push({ state: freeze(copyState(running), true), changeMax });
    }
  }

  /** The frozen state after every entry at or before `time` that a reader knowing `knownSeq` sees. */
  stateAt(time: number, knownSeq: number): CompanyState {
    const end = this.countUntil(time);
    let j = Math.floor(end / CHECKPOINT_INTERVAL);
    this.#ensureCheckpoint(j);
    while (j > 0 && this.#checkpoints[j]!.changeMax > knownSeq) j -= 1;
    const start = j * CHECKPOINT_INTERVAL;
    if (start === end) return this.#checkpoints[j]!.state;
    // At most one interval of events: replayed mutably on a copy, which is cheaper than drafting them.
    const state = copyState(this.#checkpoints[j]!.state);
    for (let i = start; i < end; i++) if (this.visibleAt(i, knownSeq)) evolve(state, this.#effects[i]!);
    return freezeShallow(state);
  }

  /** The same answer by mutable replay from the initial state: the reference the checkpoints must match. */
  replayFromStart(time: number, knownSeq: number): CompanyState {
    const state = initialState(this.company);
    const end = this.countUntil(time);
    for (let i = 0; i < end; i++) if (this.visibleAt(i, knownSeq)) evolve(state, this.#effects[i]!);
    return state;
  }
}
