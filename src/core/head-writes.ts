/**
 * Which written cells (`written-cells.ts`) the head chain wrote, block by block, listed by part and
 * by cell: what a known-at reader asks for each part it replayed and each cell it patched
 * (`known-at.ts`), over any stretch of blocks, without comparing the maps of the checkpoints at
 * either end (people x seats), or reading a cell in them.
 *
 * Listed up to a block when first asked; a change before a checkpoint drops the lists from there.
 */
import { lowerBound } from './search';
import type { CompanyState } from './state';
import { changedWrittenByPart, type WrittenKeys } from './written-cells';

interface Writes {
  /** Blocks, ascending, in which the head wrote a cell of the part; with the cells. */
  blocks: number[];
  cells: (readonly string[])[];
  /** How many cells the entries up to and including each one hold: a stretch's count without walking it. */
  counts: number[];
}

export class HeadWrites {
  readonly #checkpoint: (block: number) => CompanyState;
  /** Whose written cells changed in a block, where the chain noted it as it was built. */
  readonly #keysIn: (block: number) => WrittenKeys | undefined;
  readonly #byPart = new Map<string, Writes>();
  /** By cell: the blocks, ascending, in which the head wrote it. */
  readonly #byCell = new Map<string, number[]>();
  /** The blocks listed: those before it (block b is from checkpoint b to b + 1). */
  #listed = 0;

  constructor(checkpoint: (block: number) => CompanyState, keysIn: (block: number) => WrittenKeys | undefined = () => undefined) {
    this.#checkpoint = checkpoint;
    this.#keysIn = keysIn;
  }

  /** Checkpoints after `block` changed: blocks from there are listed again when next asked. */
  changedFrom(block: number): void {
    if (block >= this.#listed) return;
    for (const writes of this.#byPart.values()) {
      const keep = lowerBound(writes.blocks, block);
      writes.blocks.length = keep;
      writes.cells.length = keep;
      writes.counts.length = keep;
    }
    for (const blocks of this.#byCell.values()) blocks.length = lowerBound(blocks, block);
    this.#listed = block;
  }

  /** The cells of the part (by its key) the head wrote between checkpoints `from` and `to` (built that far). */
  between(partKey: string, from: number, to: number): string[] {
    this.listUpTo(to);
    const writes = this.#byPart.get(partKey);
    if (!writes) return [];
    const found: string[] = [];
    for (let i = lowerBound(writes.blocks, from); i < writes.blocks.length && writes.blocks[i]! < to; i++) found.push(...writes.cells[i]!);
    return found;
  }

  /**
   * Those of `cells` (of the part by its key) the head wrote between checkpoints `from` and `to`.
   * Found from whichever side is smaller: the cells asked about (a reader's patch, which grows
   * with every cell it wrote), or those the head wrote in the stretch.
   */
  rewritten(partKey: string, cells: ReadonlySet<string>, from: number, to: number): string[] {
    this.listUpTo(to);
    const writes = this.#byPart.get(partKey);
    if (!writes || from >= to || cells.size === 0) return [];
    const [lo, hi] = [lowerBound(writes.blocks, from), lowerBound(writes.blocks, to)];
    const count = (i: number) => (i > 0 ? writes.counts[i - 1]! : 0);
    if (count(hi) - count(lo) <= cells.size) return writes.cells.slice(lo, hi).flat().filter((cell) => cells.has(cell));
    return [...cells].filter((cell) => {
      const blocks = this.#byCell.get(cell) ?? [];
      const i = lowerBound(blocks, from);
      return i < blocks.length && blocks[i]! < to;
    });
  }

  /** How many blocks (the first ones) are listed. */
  get listed(): number {
    return this.#listed;
  }

  /** Lists the blocks before `to` not yet listed: done ahead of the questions by a timeline's warm-up. */
  listUpTo(to: number): void {
    for (; this.#listed < to; this.#listed++) {
      for (const [key, cells] of changedWrittenByPart(this.#checkpoint(this.#listed), this.#checkpoint(this.#listed + 1), this.#keysIn(this.#listed))) {
        const writes = this.#byPart.get(key) ?? this.#byPart.set(key, { blocks: [], cells: [], counts: [] }).get(key)!;
        writes.blocks.push(this.#listed);
        writes.cells.push(cells);
        writes.counts.push((writes.counts.at(-1) ?? 0) + cells.length);
        for (const cell of cells) (this.#byCell.get(cell) ?? this.#byCell.set(cell, []).get(cell)!).push(this.#listed);
      }
    }
  }
}
