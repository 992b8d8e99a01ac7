/**
 * The state a reader who knows the log up to sequence S sees at a checkpoint's position, made from
 * the head's checkpoints instead of replayed from the last checkpoint S can use (which a revision
 * recorded after S, of a fact far back, puts far back).
 *
 * The reader sees otherwise than the head only the entries `differing` lists: facts recorded after
 * S, and facts revised after S. Each touches a few parts of the state (`state-parts.ts`). From the
 * block of the first one on, a part such an entry touches is dirty: it is replayed as the reader
 * sees it, on a scratch state, with every other fact that touches it while it is dirty. At each
 * checkpoint a dirty part whose read cells equal the head's is clean again: every later fact reads
 * the same there, so it writes the same for both, until the next differing entry. Written cells
 * (`written-cells.ts`) keep the reader's value until the head writes them while the part is clean.
 *
 * So the cost is the facts of dirty parts, not every entry since the first difference: a correction
 * of who held a seat years back dirties that seat until its next holder, not years of facts.
 */
import { evolve, lastApplied, type Effective } from './evolve';
import { MinHeap } from './min-heap';
import { lowerBound } from './search';
import type { Part, PartList } from './state-parts';
import { copyState, type CompanyState } from './state';
import { ABSENT, clearWritten, eachWritten, partKeyOf, readWritten, writeWritten } from './written-cells';


/** What a timeline gives for this: its head chain of checkpoints, its entries and their parts. */
export interface HeadChain {
  readonly interval: number;
  /** The state after every live entry before `block` * interval (built up to the block asked for). */
  checkpoint(block: number): CompanyState;
  /** The cells of a part (by its key) the head wrote between checkpoints `from` and `to`. */
  headWrote(partKey: string, from: number, to: number): readonly string[];
  /** Those of `cells` (of the part by its key) the head wrote between checkpoints `from` and `to`. */
  rewritten(partKey: string, cells: ReadonlySet<string>, from: number, to: number): readonly string[];
  /** The parts the entry at `position` touches; null if it touches every part. */
  parts(position: number): PartList | null;
  /** The positions of the entries that touch `part` (every part, for null), ascending; all of those below `end` at least. */
  positions(part: Part | null, end: number): readonly number[];
  part(key: string): Part;
  fact(position: number): Effective;
  /** Whether the head sees the entry, and whether a reader at `knownSeq` does. */
  live(position: number): boolean;
  visible(position: number, knownSeq: number): boolean;
  /** Positions before `end` that a reader at `knownSeq` sees otherwise than the head, ascending. */
  differing(knownSeq: number, end: number): number[];
  /** A fresh mutable state with nothing in it. */
  empty(): CompanyState;
}

/**
 * About how many facts' replay patching one differing entry costs (loading, comparing and settling
 * the parts it touches): beyond one in this many of the entries to replay, a reader is replayed.
 */
const PATCH_COST = 16;
const NONE: ReadonlySet<string> = new Set();

/**
 * The state (mutable) a reader at `knownSeq` sees after the entries before `blocks` * interval;
 * undefined where the caller should replay instead (from the reader's last usable checkpoint,
 * `usable`): when so many entries differ that replay costs less (a reader who knows none of a
 * back-filled past), or a fact that touches every part (a reconstituted board) comes after the
 * first difference.
 */
export function readerState(head: HeadChain, blocks: number, knownSeq: number, usable: number): CompanyState | undefined {
  const interval = head.interval;
  const differing = head.differing(knownSeq, blocks * interval);
  if (differing.length * PATCH_COST > (blocks - usable) * interval) return undefined;
  if (differing.length === 0) return copyState(head.checkpoint(blocks));
  const scratch = head.empty();
  /** Dirty parts, with the block their dirty stretch began at and how many blocks they were replayed in since. */
  const dirty = new Map<Part, { since: number; visits: number }>();
  /** Parts that were dirty and are clean again, with the block they were clean from. */
  const cleanSince = new Map<Part, number>();
  /**
   * The reader's written cells where they may differ from the head's, and each part's. One that
   * equals the head's may stay: it holds the reader's value all the same, until the head writes
   * the cell while the part is clean, and the reader with it.
   */
  const patch = new Map<string, unknown>();
  const patchOf = new Map<Part, Set<string>>();
  const note = (part: Part, cell: string, value: unknown) => {
    patch.set(cell, value);
    (patchOf.get(part) ?? patchOf.set(part, new Set()).get(part)!).add(cell);
  };
  /** After a dirty stretch: a cell the head wrote and the reader did not holds what it held when the stretch began. */
  const keepUnwritten = (part: Part, from: number, to: number) => {
    const before = head.checkpoint(from);
    for (const cell of head.headWrote(part.key, from, to)) if (!patch.has(cell)) note(part, cell, readWritten(before, cell) ?? ABSENT);
  };
  /** After a clean stretch: a cell the head wrote then, the reader wrote the same (the part read the same). */
  const dropRewritten = (part: Part, from: number, to: number) => {
    for (const cell of head.rewritten(part.key, patchOf.get(part) ?? NONE, from, to)) forget(part, cell);
  };
  const forget = (part: Part, cell: string) => {
    patch.delete(cell);
    patchOf.get(part)!.delete(cell);
  };
  const end = blocks * interval;
  // A fact that touches every part, after the first difference: replayed instead (rare: a board reconstituted).
  const every = head.positions(null, end);
  const firstEvery = every[lowerBound(every, Math.floor(differing[0]! / interval) * interval)];
  if (firstEvery !== undefined && firstEvery < end) return undefined;
  const seen = (position: number) => head.live(position) || head.visible(position, knownSeq);
  const chair = head.part('chair');
  /** Who may hold the chair in a block, as either side sees it: who held it at its start, and whoever takes it in it. */
  const chairHolders = (block: number) => {
    const start = head.checkpoint(block);
    const holders = new Set([start.chair, dirty.has(chair) ? scratch.chair : null].map((c) => c?.person.id));
    for (const position of within(chair, block * interval, block * interval + interval)) {
      const e = head.fact(position);
      if (e.type === 'board.chair.assumed') holders.add(e.data.person.id);
    }
    return holders;
  };
  /** The positions of `part`'s entries in [from, to). */
  const within = (part: Part, from: number, to: number) => {
    const positions = head.positions(part, end);
    const found: number[] = [];
    for (let i = lowerBound(positions, from); i < positions.length && positions[i]! < to; i++) found.push(positions[i]!);
    return found;
  };
  /** Dirty parts by the position of their next fact (one entry each, while dirty). */
  const due = new MinHeap<Part>();
  const nextFact = (part: Part, from: number) => {
    const positions = head.positions(part, end);
    const i = lowerBound(positions, from);
    return i < positions.length ? positions[i]! : Infinity;
  };
  for (let next = 0; ; ) {
    // On to the next block with a differing entry or a fact of a dirty part.
    const block = Math.min(next < differing.length ? Math.floor(differing[next]! / interval) : Infinity, Math.floor(due.peekKey() / interval));
    if (!(block < blocks)) break;
    const [from, to] = [block * interval, block * interval + interval];
    const touched = new Set<Part>();
    for (; next < differing.length && differing[next]! < to; next++) for (const part of head.parts(differing[next]!)!) touched.add(part);
    while (due.peekKey() < to) touched.add(due.pop()!);
    // Every fact either side sees that touches a touched part, and the parts it touches, until none is added.
    const facts = new Set<number>();
    let holders: Set<string | undefined> | undefined;
    /** Whether a fact touches the chair here: a director leaving does only if either side may have them in it. */
    const touchesChair = (parts: PartList) => parts.leaving === undefined || (holders ??= chairHolders(block)).has(parts.leaving);
    for (const queue = [...touched]; queue.length > 0; ) {
      const part = queue.pop()!;
      for (const position of within(part, from, to)) {
        if (facts.has(position) || !seen(position)) continue;
        const parts = head.parts(position)!;
        const chairToo = touchesChair(parts);
        if (part === chair && !chairToo) continue;
        facts.add(position);
        for (const other of parts) {
          if (touched.has(other) || (other === chair && !chairToo)) continue;
          touched.add(other);
          queue.push(other);
        }
      }
    }
    for (const part of touched) {
      if (dirty.has(part)) continue;
      const clean = cleanSince.get(part);
      if (clean !== undefined) dropRewritten(part, clean, block);
      cleanSince.delete(part);
      part.load(scratch, head.checkpoint(block));
      dirty.set(part, { since: block, visits: 0 });
    }
    clearWritten(scratch);
    for (const position of Int32Array.from(facts).sort()) if (head.visible(position, knownSeq)) evolve(scratch, head.fact(position));
    // Only touched parts were replayed as the reader sees them (a director leaving may end a chair in the scratch that is not the reader's).
    eachWritten(scratch, (cell, value) => {
      const part = head.part(partKeyOf(cell));
      if (touched.has(part)) note(part, cell, value);
    });
    const after = head.checkpoint(block + 1);
    for (const part of touched) {
      const stretch = dirty.get(part)!;
      stretch.visits += 1;
      // Compared after its 1st, 2nd, 4th, 8th... block: a part that stays dirty (a corrected fact that
      // later ones keep) would cost a comparison at each, and one left dirty is replayed exactly all the same.
      if ((stretch.visits & (stretch.visits - 1)) !== 0 || !part.same(scratch, after)) {
        due.push(nextFact(part, to), part);
        continue;
      }
      keepUnwritten(part, stretch.since, block + 1);
      dirty.delete(part);
      cleanSince.set(part, block + 1);
    }
  }
  const result = copyState(head.checkpoint(blocks));
  for (const [part, { since }] of dirty) {
    keepUnwritten(part, since, blocks);
    part.load(result, scratch);
  }
  for (const [part, since] of cleanSince) dropRewritten(part, since, blocks);
  for (const [cell, value] of patch) writeWritten(result, cell, value);
  result.last = lastSeen(head, end, knownSeq);
  return result;
}

/** The last fact before `end` a reader at `knownSeq` sees, as `evolve` records it. */
function lastSeen(head: HeadChain, end: number, knownSeq: number): CompanyState['last'] {
  for (let i = end - 1; i >= 0; i--) {
    if (!head.visible(i, knownSeq)) continue;
    return lastApplied(head.fact(i));
  }
  return null;
}
