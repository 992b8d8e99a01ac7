/**
 * Where each part's facts are on a timeline: the positions of the entries that touch it, ascending,
 * whoever sees them. What lets a known-at reader replay a dirty part's facts without looking at
 * every entry after the first it sees otherwise (`known-at.ts`).
 *
 * Listed up to a position, when first asked; a change at a position (an entry put in, which
 * moves those after it, or hidden) drops the lists from there, to be listed again.
 */
import { lowerBound } from './search';
import type { Part } from './state-parts';

const NONE: readonly number[] = [];

export class PartPositions {
  readonly #partsAt: (position: number) => readonly Part[] | null;
  readonly #lists = new Map<Part, number[]>();
  /** Entries that touch every part (a reconstituted board). */
  readonly #every: number[] = [];
  /** How many entries (the first ones) are listed. */
  #listed = 0;

  constructor(partsAt: (position: number) => readonly Part[] | null) {
    this.#partsAt = partsAt;
  }

  /** The entry at `position`, or its place, changed: it and those after it are listed again when next asked. */
  changedFrom(position: number): void {
    if (position >= this.#listed) return;
    for (const list of this.#lists.values()) list.length = lowerBound(list, position);
    this.#every.length = lowerBound(this.#every, position);
    this.#listed = position;
  }

  /** How many entries (the first ones) are listed. */
  get listed(): number {
    return this.#listed;
  }

  /** The positions, below `length`, of the entries that touch `part`. */
  of(part: Part, length: number): readonly number[] {
    this.listUpTo(length);
    return this.#lists.get(part) ?? NONE;
  }

  /** The positions, below `length`, of the entries that touch every part. */
  every(length: number): readonly number[] {
    this.listUpTo(length);
    return this.#every;
  }

  /** Lists the entries below `length` not yet listed: done ahead of the questions by a timeline's warm-up. */
  listUpTo(length: number): void {
    for (let i = this.#listed; i < length; i++) {
      const parts = this.#partsAt(i);
      if (parts === null) this.#every.push(i);
      else for (const part of parts) (this.#lists.get(part) ?? this.#lists.set(part, []).get(part)!).push(i);
    }
    this.#listed = Math.max(this.#listed, length);
  }
}
