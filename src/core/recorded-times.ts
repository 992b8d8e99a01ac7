/**
 * Each record's recorded time, by sequence, clamped never to decrease (a clock that stepped back
 * is clamped), so that "known at recorded time R" is always a prefix of the log: the first S records.
 */
import { grow } from './grow';
import { upperBound } from './search';
import { toEpoch } from './time';

export class RecordedTimes {
  /** By sequence (index 0 unused). */
  #times: Float64Array<ArrayBuffer>;

  /** Starts from stored times, as `upTo` gave them (taken over, not copied), or empty. */
  constructor(times?: Float64Array<ArrayBuffer>) {
    this.#times = times ?? new Float64Array(1024);
  }

  /** The clamped times of records 1 to `count`, by sequence (index 0 unused): a copy, to store. */
  upTo(count: number): Float64Array<ArrayBuffer> {
    return this.#times.slice(0, count + 1);
  }

  /** Notes record `seq`'s recorded time; throws, noting nothing, if it cannot be read. */
  note(seq: number, recordedtime: string): void {
    const time = toEpoch(recordedtime);
    if (seq >= this.#times.length) this.#times = grow(this.#times, seq + 1);
    this.#times[seq] = Math.max(time, seq > 1 ? this.#times[seq - 1]! : -Infinity);
  }

  /** How many of the first `count` records were recorded by `epoch`. */
  countBy(epoch: number, count: number): number {
    return upperBound(this.#times.subarray(1, count + 1), epoch);
  }
}
