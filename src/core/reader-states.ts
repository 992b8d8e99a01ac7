/**
 * What a timeline keeps for known-at readers, where the head's checkpoints do not serve them.
 *
 * `ReaderStates`: states at checkpoint positions, each patched from the head's (`known-at.ts`) the
 * first time a reader asks near there. A reader scrubbing with its known-at held still then
 * replays at most `NEAR` blocks from one of its own, instead of having a chain of checkpoints
 * built from far back (seconds at a million events, where its first patched state takes
 * milliseconds).
 *
 * `ReaderChains`: chains of checkpoints exact for one reader each, for a reader that scrubs where
 * patching does not pay (`readerState` says when).
 *
 * Both are bounded (the least recently used goes first), and a change at a position drops what
 * was kept after it, as it drops the head's checkpoints.
 */
import type { CompanyState } from './state';

/** How many blocks before the one asked a kept state may be, to be replayed from. */
const NEAR = 8;

export class ReaderStates {
  /** How many states are kept, of any readers. */
  readonly #capacity = 32;
  /** By reader and block, least recently used first. */
  readonly #states = new Map<string, { block: number; state: CompanyState }>();
  /** The latest state kept for a reader asking for the first time (see `keep`). */
  #latest: { key: string; kept: { block: number; state: CompanyState } } | undefined;

  /** The reader's kept state at the highest block from `block - NEAR` to `block`, if any. */
  near(knownSeq: number, block: number): { block: number; state: CompanyState } | undefined {
    for (let b = block; b >= Math.max(0, block - NEAR); b--) {
      const key = `${knownSeq}:${b}`;
      const found = this.#states.get(key) ?? (this.#latest?.key === key ? this.#latest.kept : undefined);
      if (!found) continue;
      this.#keep(key, found);
      return found;
    }
    return undefined;
  }

  /**
   * Keeps `state` (frozen) as the reader's at `block`. A reader asking for the first time (each
   * question at a new known-at, as a user moving the known-at control does) may not ask again:
   * its state is kept only until the next such reader's, and among the others once it asks
   * again. Kept among 32, each lived through many collections of the young generation and was
   * then garbage in the old one (a third of what a million-event timeline's questions promoted).
   */
  keep(knownSeq: number, block: number, state: CompanyState, { askedBefore }: { askedBefore: boolean }): void {
    const key = `${knownSeq}:${block}`;
    if (askedBefore) this.#keep(key, { block, state });
    else this.#latest = { key, kept: { block, state } };
  }

  #keep(key: string, kept: { block: number; state: CompanyState }): void {
    this.#states.delete(key);
    this.#states.set(key, kept);
    if (this.#states.size > this.#capacity) this.#states.delete(this.#states.keys().next().value!);
  }

  /** Drops the states at blocks from `block` on (they hold entries at or after a change). */
  dropFrom(block: number): void {
    for (const [key, kept] of this.#states) if (kept.block >= block) this.#states.delete(key);
    if (this.#latest && this.#latest.kept.block >= block) this.#latest = undefined;
  }
}

export class ReaderChains<Checkpoint> {
  /** How many readers keep a chain. */
  readonly #capacity = 4;
  /** By known sequence, least recently used first. */
  readonly #chains = new Map<number, Checkpoint[]>();

  has(knownSeq: number): boolean {
    return this.#chains.has(knownSeq);
  }

  /** The reader's chain, made or refreshed as most recently used; it starts as the head chain's first `usable` checkpoints, already right for it. */
  chain(knownSeq: number, head: readonly Checkpoint[], usable: number): Checkpoint[] {
    const own = this.#chains.get(knownSeq);
    const chain = own && own.length > usable ? own : head.slice(0, usable + 1);
    this.#chains.delete(knownSeq);
    this.#chains.set(knownSeq, chain);
    if (this.#chains.size > this.#capacity) this.#chains.delete(this.#chains.keys().next().value!);
    return chain;
  }

  /** Keeps the first `keep` checkpoints of each chain. */
  cut(keep: number): void {
    for (const chain of this.#chains.values()) if (chain.length > keep) chain.length = keep;
  }
}
