/**
 * Where each record's fact sits, by sequence: the number of its timeline and its effective time, in
 * typed arrays (a million-record log allocates no object per record for this). What revisions look
 * their targets up in.
 */
import { grow } from './grow';

export interface FactPlacesIndex {
  /** By sequence (index 0 unused): the number of the fact's timeline (its ledger counts them from 1), or 0 for a record with no fact. */
  timeline: Uint32Array<ArrayBuffer>;
  /** By sequence (index 0 unused): the fact's effective time. */
  time: Float64Array<ArrayBuffer>;
}

export class FactPlaces {
  #timeline: Uint32Array<ArrayBuffer>;
  #time: Float64Array<ArrayBuffer>;

  /** Starts from a stored index (see `exportIndex`), or empty. */
  constructor(stored?: FactPlacesIndex) {
    this.#timeline = stored?.timeline ?? new Uint32Array(1024);
    this.#time = stored?.time ?? new Float64Array(1024);
  }

  /** Notes that record `seq` put its fact on timeline number `timeline` at effective time `time`. */
  place(seq: number, timeline: number, time: number): void {
    if (seq >= this.#timeline.length) [this.#timeline, this.#time] = [grow(this.#timeline, seq + 1), grow(this.#time, seq + 1)];
    this.#timeline[seq] = timeline;
    this.#time[seq] = time;
  }

  /** Where record `seq`'s fact is (timeline 0: it has none). */
  of(seq: number): { timeline: number; time: number } {
    return seq < this.#timeline.length ? { timeline: this.#timeline[seq]!, time: this.#time[seq]! } : { timeline: 0, time: 0 };
  }

  /** The places of records 1 to `head`: copies, to store. */
  exportIndex(head: number): FactPlacesIndex {
    // Records at the end may place no fact, and the arrays only grow for those that do.
    const [timeline, time] = [new Uint32Array(head + 1), new Float64Array(head + 1)];
    timeline.set(this.#timeline.subarray(0, head + 1));
    time.set(this.#time.subarray(0, head + 1));
    return { timeline, time };
  }
}
