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
import { evolve, type Effective } from './evolve';
import { sameValue, type Part } from './state-parts';
import { copyState, type CompanyState } from './state';
import { ABSENT, changedWritten, clearWritten, eachWritten, partKeyOf, readWritten, writeWritten } from './written-cells';

/** What a timeline gives for this: its head chain of checkpoints, its entries and their parts. */
export interface HeadChain {
  readonly interval: number;
  /** The state after every live entry before `block` * interval (built up to the block asked for). */
  checkpoint(block: number): CompanyState;
  /** The parts the entry at `position` touches; null if it touches every part. */
  parts(position: number): readonly Part[] | null;
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
 * The state (mutable) a reader at `knownSeq` sees after the entries before `blocks` * interval;
 * undefined where a fact that touches every part (a reconstituted board) would be replayed with a
 * dirty part: the caller replays instead.
 */
export function readerState(head: HeadChain, blocks: number, knownSeq: number): CompanyState | undefined {
  const interval = head.interval;
  const differing = head.differing(knownSeq, blocks * interval);
  const result = copyState(head.checkpoint(blocks));
  if (differing.length === 0) return result;
  const scratch = head.empty();
  /** Dirty parts, with the block their dirty stretch began at. */
  const dirtySince = new Map<Part, number>();
  /** Parts that were dirty and are clean again, with the block they were clean from. */
  const cleanSince = new Map<Part, number>();
  /** The reader's written cells where they may differ from the head's, and each part's. */
  const patch = new Map<string, unknown>();
  const patchOf = new Map<Part, Set<string>>();
  const note = (part: Part, cell: string, value: unknown) => {
    patch.set(cell, value);
    (patchOf.get(part) ?? patchOf.set(part, new Set()).get(part)!).add(cell);
  };
  /** After a dirty stretch: a cell the head wrote and the reader did not holds what it held when the stretch began. */
  const keepUnwritten = (part: Part, from: number, to: number) => {
    const before = head.checkpoint(from);
    for (const cell of changedWritten(part.key, before, head.checkpoint(to))) if (!patch.has(cell)) note(part, cell, readWritten(before, cell) ?? ABSENT);
  };
  /** After a clean stretch: a cell the head wrote then, the reader wrote the same (the part read the same). */
  const dropRewritten = (part: Part, from: number, to: number) => {
    const [before, after] = [head.checkpoint(from), head.checkpoint(to)];
    for (const cell of patchOf.get(part) ?? []) if (readWritten(before, cell) !== readWritten(after, cell)) forget(part, cell);
  };
  /** Where a part is clean again: cells the reader holds as the head does are the head's from now on. */
  const dropSame = (part: Part, at: CompanyState) => {
    for (const cell of patchOf.get(part) ?? []) {
      const value = patch.get(cell);
      if (sameValue(value === ABSENT ? undefined : value, readWritten(at, cell))) forget(part, cell);
    }
  };
  const forget = (part: Part, cell: string) => {
    patch.delete(cell);
    patchOf.get(part)!.delete(cell);
  };
  const partsHere: (readonly Part[] | null | undefined)[] = new Array(interval);
  let next = 0;
  for (let block = Math.floor(differing[0]! / interval); block < blocks; block++) {
    if (dirtySince.size === 0) {
      if (next === differing.length) break;
      block = Math.max(block, Math.floor(differing[next]! / interval));
    }
    const from = block * interval;
    const touched = new Set<Part>();
    for (; next < differing.length && differing[next]! < from + interval; next++) {
      const parts = head.parts(differing[next]!);
      if (parts === null) return undefined;
      for (const part of parts) touched.add(part);
    }
    // The facts either side sees; then every one that touches a touched or dirty part, and the parts it touches, until none is added.
    for (let i = 0; i < interval; i++) partsHere[i] = head.live(from + i) || head.visible(from + i, knownSeq) ? head.parts(from + i) : undefined;
    if (partsHere.includes(null) && (touched.size > 0 || dirtySince.size > 0)) return undefined;
    for (let grew = true; grew; ) {
      grew = false;
      for (const parts of partsHere) {
        if (!parts || !parts.some((part) => touched.has(part) || dirtySince.has(part))) continue;
        for (const part of parts) {
          if (touched.has(part)) continue;
          touched.add(part);
          grew = true;
        }
      }
    }
    if (touched.size === 0) continue;
    for (const part of touched) {
      if (dirtySince.has(part)) continue;
      const clean = cleanSince.get(part);
      if (clean !== undefined) dropRewritten(part, clean, block);
      cleanSince.delete(part);
      part.load(scratch, head.checkpoint(block));
      dirtySince.set(part, block);
    }
    clearWritten(scratch);
    for (let i = 0; i < interval; i++) if (partsHere[i]?.some((part) => touched.has(part)) && head.visible(from + i, knownSeq)) evolve(scratch, head.fact(from + i));
    eachWritten(scratch, (cell, value) => note(head.part(partKeyOf(cell)), cell, value));
    const after = head.checkpoint(block + 1);
    for (const part of touched) {
      if (!part.same(scratch, after)) continue;
      keepUnwritten(part, dirtySince.get(part)!, block + 1);
      dropSame(part, after);
      dirtySince.delete(part);
      cleanSince.set(part, block + 1);
    }
  }
  for (const [part, since] of dirtySince) {
    keepUnwritten(part, since, blocks);
    part.load(result, scratch);
  }
  for (const [part, since] of cleanSince) dropRewritten(part, since, blocks);
  for (const [cell, value] of patch) writeWritten(result, cell, value);
  result.last = lastSeen(head, blocks * interval, knownSeq);
  return result;
}

/** The last fact before `end` a reader at `knownSeq` sees, as `evolve` records it. */
function lastSeen(head: HeadChain, end: number, knownSeq: number): CompanyState['last'] {
  for (let i = end - 1; i >= 0; i--) {
    if (!head.visible(i, knownSeq)) continue;
    const e = head.fact(i);
    return { eventId: e.id, seq: e.seq, time: e.time };
  }
  return null;
}
