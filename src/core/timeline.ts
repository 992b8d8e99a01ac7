/**
 * One company's facts in effective-time order (`TimelineEntries`), with checkpoints, answering
 * "state at T as known at sequence S" from the nearest usable checkpoint instead of from the start.
 *
 * Invariants:
 * - Checkpoint j is the state after every entry at positions < j*K that is visible at the head.
 *   It is also right for a reader at S if no entry before j*K changed visibility after S; `changeMax`
 *   records the latest such change, and it only grows with j, so the usable checkpoints are a prefix.
 * - Inserting or hiding at position q invalidates only the checkpoints after q.
 * - A reader the head's checkpoints serve only from far back (known-at set in the past, with
 *   back-dated facts or corrections of old facts recorded since) gets the head's checkpoint nearest
 *   the moment, patched where it sees otherwise (`known-at.ts`), and kept for its next questions;
 *   where patching does not pay, one that asks again at the same S gets a chain of its own
 *   (`reader-states.ts`).
 */
import { evolve, type Effective } from './evolve';
import { readerState, type HeadChain } from './known-at';
import { copyState, freezeShallow, frozenCopy, initialState, type CompanyState } from './state';
import { HeadWrites } from './head-writes';
import { PartPositions } from './part-positions';
import { ReaderChains, ReaderStates } from './reader-states';
import { PartTable, type PartList } from './state-parts';
import { TimelineEntries, type EntriesIndex } from './timeline-entries';
import type { WrittenKeys } from './written-cells';

export const CHECKPOINT_INTERVAL = 128;
/** How many facts a replay that does not keep them reads at once. */
const ONCE_READS = 4096;

/** Where a timeline's facts come from (its ledger), by sequence. */
export interface Facts {
  of(seq: number): Effective;
  /** Reads these facts together, and keeps them, before a replay reaches them. */
  prefetch(seqs: Float64Array): void;
  /** Reads these facts together without keeping them, for a replay that will not come back to them. */
  readOnce(seqs: Float64Array): ReadonlyMap<number, Effective>;
}

interface Checkpoint {
  state: CompanyState;
  changeMax: number;
  /** On the head chain: whose written cells may have changed since the checkpoint before. */
  written?: WrittenKeys;
}

export class Timeline {
  readonly company: string;
  readonly #entries = new TimelineEntries((position) => this.#invalidateAfter(position));
  #checkpoints: Checkpoint[];
  readonly #readerStates = new ReaderStates();
  readonly #readerChains = new ReaderChains<Checkpoint>();
  /** The known sequence of the previous question: a reader that asks twice is scrubbing. */
  #lastKnownSeq = -1;
  readonly #name: string;
  /** The facts by sequence: the timeline holds sequences (a file's records stay on disk, parsed again when a replay reaches them). */
  readonly #facts: Facts;
  /** The state after every live entry before `length`: see `headState`. */
  #head: { state: CompanyState; length: number } | undefined;
  /** False: every question is replayed from the start (a one-shot process asks too few to pay for checkpoints). */
  readonly #checkpointing: boolean;
  /** The parts of the state its facts touch, and where each one's facts are: what a known-at reader's state is patched by. */
  readonly #parts = new PartTable();
  readonly #partPositions = new PartPositions((position) => this.#partsAt(position));
  readonly #headWrites = new HeadWrites((block) => this.#checkpoints[block]!.state, (block) => this.#checkpoints[block + 1]!.written);

  /** `name`: what to call the company before an event names it. */
  constructor(company: string, facts: Facts, { name = company, checkpointing = true }: { name?: string; checkpointing?: boolean } = {}) {
    this.company = company;
    this.#facts = facts;
    this.#name = name;
    this.#checkpointing = checkpointing;
    this.#checkpoints = [{ state: freezeShallow(initialState(company, name)), changeMax: 0 }];
  }

  get length(): number {
    return this.#entries.length;
  }

  /** Effective times in order; a view, valid until the next insert. */
  get times(): Float64Array {
    return this.#entries.times;
  }

  /** Each entry's marks (see `timeline-marks.ts`) in order, a view valid until the next insert; and every mark any entry has had, OR-ed. */
  get marks(): { each: Uint8Array; seen: number } {
    return { each: this.#entries.marks, seen: this.#entries.marksSeen };
  }

  effectAt(position: number): Effective {
    this.#entries.settle();
    return this.#facts.of(this.#entries.seqs[position]!);
  }

  /** See `TimelineEntries.findMarked`. */
  findMarked(mark: number, knownSeq: number, fromEnd = false, skip = 0): number {
    return this.#entries.findMarked(mark, knownSeq, fromEnd, skip);
  }

  visibleAt(position: number, knownSeq: number): boolean {
    this.#entries.settle();
    return this.#entries.visible(position, knownSeq);
  }

  /** Number of entries whose effective time is at or before `time`. */
  countUntil(time: number): number {
    return this.#entries.countUntil(time);
  }

  /** Its entries' index, to store (see `LedgerIndex`). */
  exportIndex(): EntriesIndex {
    return this.#entries.exportIndex();
  }

  /** Takes over a stored index of its entries; only while it has none. */
  loadIndex(index: EntriesIndex): void {
    this.#entries.loadIndex(index);
  }

  /** Enters the fact with sequence `seq` at effective time `time`, with the ledger's `marks` for it. */
  insert(seq: number, time: number, marks = 0): void {
    this.#entries.insert(seq, time, marks);
  }

  /** Marks the entry (time, seq) as superseded from sequence `fromSeq` on (a correction or retraction). */
  hide(time: number, seq: number, fromSeq: number): void {
    this.#entries.hide(time, seq, fromSeq);
  }

  #invalidateAfter(position: number): void {
    const keep = Math.floor(position / CHECKPOINT_INTERVAL) + 1;
    if (this.#checkpoints.length > keep) this.#checkpoints.length = keep;
    this.#readerChains.cut(keep);
    this.#readerStates.dropFrom(keep);
    if (this.#head && position < this.#head.length) this.#head = undefined;
    this.#partPositions.changedFrom(position);
    this.#headWrites.changedFrom(keep - 1);
  }

  #prefetchRange(from: number, to: number): void {
    if (to - from > 1) this.#facts.prefetch(this.#entries.seqs.subarray(from, Math.min(to, this.#entries.length)));
  }

  /** Applies to `state` the facts at positions `from` to `to` (settled) that `visible` shows, read together first (a one-shot process keeps none). */
  #apply(state: CompanyState, from: number, to: number, visible: (position: number) => boolean): void {
    if (!this.#checkpointing) return this.#applyOnce(state, from, to, visible);
    this.#prefetchRange(from, to);
    const seqs = this.#entries.seqs;
    for (let i = from; i < to; i++) if (visible(i)) evolve(state, this.#facts.of(seqs[i]!));
  }

  /** As `#apply`, reading the facts a run at a time without keeping them. */
  #applyOnce(state: CompanyState, from: number, to: number, visible: (position: number) => boolean): void {
    const seqs = this.#entries.seqs;
    for (let start = from; start < to; start += ONCE_READS) {
      const end = Math.min(start + ONCE_READS, to);
      const read = this.#facts.readOnce(seqs.subarray(start, end));
      for (let i = start; i < end; i++) if (visible(i)) evolve(state, read.get(seqs[i]!) ?? this.#facts.of(seqs[i]!));
    }
  }

  /**
   * The state after every live entry (those the head chain replays): what an append at the end is checked against, one
   * checkpoint that moves with the end. The first call replays the timeline once, keeping no records or checkpoints (the head
   * chain would cost twice as much for a question that needs only the end); later calls apply only the entries added since,
   * until a change before them (back-dated, or a revision) drops it.
   */
  headState(): CompanyState {
    const length = this.#entries.length;
    const head = this.#head;
    if (head?.length === length) return head.state;
    const state = head ? copyState(head.state) : initialState(this.company, this.#name);
    this.#applyOnce(state, head?.length ?? 0, length, (i) => this.#entries.live(i));
    this.#head = { state: freezeShallow(state), length };
    return this.#head.state;
  }

  /**
   * Extends `chain` to index `upTo` by one mutable replay of the entries `knownSeq` can see (all live ones for the head chain),
   * freezing a copy at each boundary. Copies share every value they did not change (evolve replaces values, never mutates them).
   */
  #extend(chain: Checkpoint[], upTo: number, knownSeq: number): void {
    if (chain.length > upTo) return;
    const head = chain === this.#checkpoints;
    const last = chain[chain.length - 1]!;
    const running = copyState(last.state);
    let changeMax = last.changeMax;
    this.#prefetchRange((chain.length - 1) * CHECKPOINT_INTERVAL, upTo * CHECKPOINT_INTERVAL);
    const entries = this.#entries;
    for (let j = chain.length - 1; j < upTo; j++) {
      for (let i = j * CHECKPOINT_INTERVAL, to = i + CHECKPOINT_INTERVAL; i < to; i++) {
        changeMax = Math.max(changeMax, entries.lastChange(i));
        if (!(head ? entries.live(i) : entries.visible(i, knownSeq))) continue;
        const fact = this.#facts.of(entries.seqs[i]!);
        // The head chain has each live fact in hand: its parts are noted now, not parsed again for a known-at reader.
        if (head && entries.partList(i) === undefined) entries.setPartList(i, this.#parts.listOf(fact));
        evolve(running, fact);
      }
      // The head chain notes whose written cells changed, as the copy finds them (what a known-at reader asks).
      const written: WrittenKeys | undefined = head ? { former: [], formerBoard: [], formerChairs: [] } : undefined;
      const state = frozenCopy(running, chain[chain.length - 1]!.state, written && ((map, key) => (map === 'former' || map === 'formerBoard' || map === 'formerChairs') && written[map].push(key)));
      chain.push({ state, changeMax, ...(written && { written }) });
    }
  }

  /** The parts the entry at `position` touches (settled), learned from its fact once. */
  #partsAt(position: number): PartList | null {
    const known = this.#entries.partList(position);
    if (known !== undefined) return this.#parts.list(known);
    const list = this.#parts.listOf(this.#facts.of(this.#entries.seqs[position]!));
    this.#entries.setPartList(position, list);
    return this.#parts.list(list);
  }

  /** The head chain as `readerState` reads it. */
  readonly #headChain: HeadChain = {
    interval: CHECKPOINT_INTERVAL,
    checkpoint: (block) => this.#checkpoints[block]!.state,
    headWrote: (partKey, from, to) => this.#headWrites.between(partKey, from, to),
    rewritten: (partKey, cells, from, to) => this.#headWrites.rewritten(partKey, cells, from, to),
    parts: (position) => this.#partsAt(position),
    positions: (part, end) => (part ? this.#partPositions.of(part, end) : this.#partPositions.every(end)),
    part: (key) => this.#parts.part(key),
    fact: (position) => this.#facts.of(this.#entries.seqs[position]!),
    live: (position) => this.#entries.live(position),
    visible: (position, knownSeq) => this.#entries.visible(position, knownSeq),
    differing: (knownSeq, end) => this.#entries.differing(knownSeq, end),
    empty: () => initialState(this.company, this.#name),
  };

  /**
   * Builds ahead of questions, `blocks` at a time, true once all is built: the head's checkpoints to the end, then what a
   * known-at reader's first question would list for the whole timeline (0.3-0.4 s at 1M: the cells the head wrote by block).
   */
  warm(blocks: number): boolean {
    if (!this.#checkpointing) return true;
    const last = Math.floor(this.length / CHECKPOINT_INTERVAL);
    if (this.#checkpoints.length <= last) {
      this.#extend(this.#checkpoints, Math.min(last, this.#checkpoints.length - 1 + blocks), Infinity);
      return false;
    }
    const listed = Math.min(last, this.#headWrites.listed + blocks);
    this.#headWrites.listUpTo(listed);
    this.#partPositions.listUpTo(listed === last ? this.length : listed * CHECKPOINT_INTERVAL);
    return listed === last && this.#partPositions.listed === this.length;
  }

  /**
   * The frozen state after every entry at or before `time` that a reader knowing `knownSeq` sees. A reader the head's
   * checkpoints do not serve from near the moment gets the head's checkpoint patched where it sees otherwise (`readerState`),
   * kept for its next questions (`ReaderStates`). Where patching does not pay, one that asks again at the same `knownSeq` is
   * scrubbing and gets checkpoints of its own (building them costs about five replays).
   */
  stateAt(time: number, knownSeq: number): CompanyState {
    const end = Math.min(this.countUntil(time), this.#entries.frontEnd(knownSeq));
    if (!this.#checkpointing) return freezeShallow(this.#replayTo(end, (i) => this.#entries.visible(i, knownSeq)));
    const target = Math.floor(end / CHECKPOINT_INTERVAL);
    this.#extend(this.#checkpoints, target, Infinity);
    let chain = this.#checkpoints;
    let j = target;
    while (j > 0 && chain[j]!.changeMax > knownSeq) j -= 1;
    const scrubbing = this.#readerChains.has(knownSeq) || this.#lastKnownSeq === knownSeq;
    this.#lastKnownSeq = knownSeq;
    let patched: CompanyState | undefined;
    if (target - j > 2 && !this.#readerChains.has(knownSeq)) {
      // The reader's own state near the moment, else the head's checkpoint patched (and kept for the next steps).
      const near = this.#readerStates.near(knownSeq, target);
      patched = near ? copyState(near.state) : readerState(this.#headChain, target, knownSeq, j);
      if (patched && !near) this.#readerStates.keep(knownSeq, target, freezeShallow(copyState(patched)), { askedBefore: scrubbing });
      if (patched) j = near ? near.block : target;
    }
    if (!patched && target - j > 2 && scrubbing) {
      // Neither patched (`readerState` says when) nor near the head's checkpoints, at every step: this reader gets checkpoints of its own.
      chain = this.#readerChains.chain(knownSeq, this.#checkpoints, j);
      this.#extend(chain, target, knownSeq);
      j = target;
    }
    const start = j * CHECKPOINT_INTERVAL;
    if (!patched && start === end) return chain[j]!.state;
    // At most a few intervals of events: replayed mutably on a copy, cheaper than drafting them.
    const state = patched ?? copyState(chain[j]!.state);
    this.#apply(state, start, end, (i) => this.#entries.visible(i, knownSeq));
    return freezeShallow(state);
  }

  /** The state after every entry at or before `time` that `visible(position)` shows, replayed from the start: for visibility that is not a prefix of the log (as published by a time). */
  replayWhere(time: number, visible: (position: number) => boolean): CompanyState {
    return freezeShallow(this.#replayTo(this.countUntil(time), visible));
  }

  /** The same answer by mutable replay from the initial state: the reference the checkpoints must match. */
  replayFromStart(time: number, knownSeq: number): CompanyState {
    return this.#replayTo(this.countUntil(time), (i) => this.#entries.visible(i, knownSeq));
  }

  #replayTo(end: number, visible: (position: number) => boolean): CompanyState {
    const state = initialState(this.company, this.#name);
    this.#apply(state, 0, end, visible);
    return state;
  }
}
