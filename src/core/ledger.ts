/**
 * The log indexed in memory: records by sequence (in arrival order), one timeline per company, and
 * the bitemporal question "state at effective time T, as known at recorded time R" (a prefix of the
 * log, see `RecordedTimes`).
 *
 * A log read from a file is indexed, not kept: the ledger holds what its indexes need and asks its
 * `RecordSource` for a record when a question reaches it. Keeping a million parsed records cost
 * more than parsing them, in time and in memory. The fact a replay has read is kept from then on
 * (`KeptFacts`).
 */
import type { EventRecord, RecordOf } from './event';
import type { Effective } from './evolve';
import { KeptFacts } from './kept-facts';
import type { CompanyState } from './state';
import { toEpoch } from './time';
import { RecordedTimes } from './recorded-times';
import { FactPlaces } from './fact-places';
import { IdIndex } from './id-index';
import type { LedgerIndex } from './ledger-index';
import { Records, type RecordSource } from './records';
import { correctedEffect } from './revision';
import { Timeline, type Facts } from './timeline';
import { isDomain } from './vocabulary';
import { publishedReader, type KnownBy, type Reader } from './published-reader';
import { coverageStart, latestName, marksOf } from './timeline-marks';

/** Where an event's fact sits: its company's timeline and its (time, seq) key there. */
type Entry = { timeline: Timeline; time: number; seq: number };

export type { KnownBy, Reader } from './published-reader';

export class Ledger {
  readonly #records: Records;
  readonly #keptFacts: KeptFacts;
  #recorded = new RecordedTimes();
  /**
   * The id of record `seq`: what the id index confirms a match with. A record read back from disk
   * for it is kept: whoever looked its id up reads the record next (a correction's target, `byId`,
   * a revision's sequence on every question as published by a time).
   */
  readonly #idOf = (seq: number): string => this.#records.keep(seq).id;
  #seqById = new IdIndex(this.#idOf);
  /** By sequence, the timeline entry each event introduced. */
  #places = new FactPlaces();
  /** Corrected versions of facts, by the correcting event's sequence (the others are their records). */
  #correctedEffects = new Map<number, Effective>();
  /** Target id -> the correction or retraction that superseded it. */
  #revisedBy = new Map<string, string>();
  /** Target id -> the first correction or retraction naming it, whether or not replay could apply it. */
  #firstRevision = new Map<string, string>();
  /** Each company's timeline number: its position in `#timelineList` (the order they were made in), plus 1. */
  readonly #timelines = new Map<string, number>();
  readonly #timelineList: Timeline[] = [];
  #logId = '';
  #title = '';
  /** The company the log says it follows, if it names one. */
  #followed: { id: string; name: string } | undefined;
  readonly #checkpointing: boolean;

  /**
   * `checkpoints: false` for a process that asks a question or two: each is replayed from the start.
   * `source`: where the records given to `index` are read back from.
   */
  constructor({ checkpoints = true, source }: { checkpoints?: boolean; source?: RecordSource } = {}) {
    this.#checkpointing = checkpoints;
    this.#records = new Records(source);
    this.#keptFacts = new KeptFacts(this.#records);
  }

  /** A ledger that starts from a stored index (what `exportIndex` gave) instead of from the records. */
  static fromIndex(index: LedgerIndex, options: { checkpoints?: boolean; source: RecordSource }): Ledger {
    const ledger = new Ledger(options);
    [ledger.#logId, ledger.#title, ledger.#followed] = [index.logId, index.title, index.followed];
    ledger.#records.pushSourced(index.head);
    ledger.#recorded = new RecordedTimes(index.recordedTimes);
    ledger.#seqById = new IdIndex(ledger.#idOf, index.ids);
    for (const { company, entries } of index.timelines) ledger.#timelineList[ledger.#newTimeline(company) - 1]!.loadIndex(entries);
    ledger.#places = new FactPlaces(index.places);
    ledger.#correctedEffects = new Map(index.correctedEffects);
    ledger.#revisedBy = new Map(index.revisedBy);
    ledger.#firstRevision = new Map(index.firstRevision);
    return ledger;
  }

  /** What this ledger derived from its records, as plain data to store; copies, so appends leave it as it was. */
  exportIndex(): LedgerIndex {
    const head = this.head;
    return {
      head,
      logId: this.#logId,
      title: this.#title,
      ...(this.#followed ? { followed: this.#followed } : {}),
      ids: this.#seqById.exportIndex(),
      recordedTimes: this.#recorded.upTo(head),
      places: this.#places.exportIndex(head),
      correctedEffects: [...this.#correctedEffects],
      revisedBy: [...this.#revisedBy],
      firstRevision: [...this.#firstRevision],
      timelines: this.#timelineList.map((timeline) => ({ company: timeline.company, entries: timeline.exportIndex() })),
    };
  }

  get logId(): string {
    return this.#logId;
  }
  get title(): string {
    return this.#title;
  }
  /** The company the log was created to follow (`incumbent init --company`), if any. */
  get followed(): { id: string; name: string } | undefined {
    return this.#followed;
  }
  /** What to call a company before an event names it. */
  initialName(company: string): string {
    return this.#followed?.id === company ? this.#followed.name : company;
  }
  get head(): number {
    return this.#records.count;
  }

  record(seq: number): EventRecord | undefined {
    return seq >= 1 && seq <= this.head ? this.#records.get(seq) : undefined;
  }
  /** Records `from` to `to` (sequences, inclusive) as JSON, joined by commas, in pieces: see `Records.json`. */
  recordsJson(from: number, to: number): Generator<Uint8Array> {
    return this.#records.json(from, to);
  }
  /** Records `from` to `to` (sequences, inclusive), read a page at a time as the loop reaches them; not kept. */
  records(from = 1, to = this.head): Generator<EventRecord> {
    return this.#records.range(from, to);
  }
  /** The sequence of the record with this id, if the log has one. */
  seqOf(id: string): number | undefined {
    return this.#seqById.get(id);
  }
  byId(id: string): EventRecord | undefined {
    const seq = this.#seqById.get(id);
    return seq === undefined ? undefined : this.record(seq);
  }
  /** The record of the fact that `id` (an event, or a correction of it, or of a correction) stands for. */
  factRecordOf(id: string): EventRecord | undefined {
    const record = this.byId(id);
    return record?.type === 'event.corrected' ? this.factRecordOf(record.data.target) : record; // a target always comes before
  }
  /** The fact an event put on its company's timeline (a correction's corrected version), if any. */
  effectOf(id: string): Effective | undefined {
    const entry = this.#entryOf(id);
    return entry && this.#effectOfSeq(entry.seq);
  }

  /**
   * Where the log's coverage of a company starts, for a reader knowing `knownAt`: the first
   * baseline fact (already true then, start unknown), or else its first fact. Facts dated before
   * it (a CTO since May 2022) are context; the state before it is not covered.
   */
  coverageOf(company: string, knownAt?: string, knownBy: KnownBy = 'recorded'): Effective | undefined {
    const timeline = this.timeline(company);
    // By publication, a later record may still be an early source: every record counts.
    return timeline && coverageStart(timeline, knownBy === 'published' ? this.head : this.knownSeq(knownAt));
  }

  /** The correction or retraction that superseded an event, if any. */
  revisionOf(id: string): string | undefined {
    return this.#revisedBy.get(id);
  }
  /**
   * The first record that revised an event, as written: also one that replay could not apply (a
   * correction today's schema refuses, in a log written under older rules). The revision rules
   * count it: an event is revised once.
   */
  firstRevisionOf(id: string): string | undefined {
    return this.#firstRevision.get(id);
  }
  companies(): string[] {
    return [...this.#timelines.keys()].sort();
  }
  /** Each company with its latest registered name (its id when it has none). */
  companyNames(): { id: string; name: string }[] {
    return this.companies().map((id) => ({ id, name: latestName(this.timeline(id)!, this.head) ?? this.initialName(id) }));
  }
  timeline(company: string): Timeline | undefined {
    const number = this.#timelines.get(company);
    return number === undefined ? undefined : this.#timelineList[number - 1];
  }

  /** Adds the next record of the log, kept in memory; throws on a duplicate id or an unreadable time. */
  add(record: EventRecord): void {
    this.#take(record);
    this.#records.push(record);
  }

  /** Indexes the next record of the log without keeping it: the source gives it back when asked. */
  index(record: EventRecord): void {
    this.#take(record);
    this.#records.pushSourced();
  }

  /** Keeps these records, indexed from the source, as the reader has them parsed in hand. */
  hold(records: readonly EventRecord[]): void {
    for (const record of records) this.#records.hold(record);
  }

  #take(record: EventRecord): void {
    if (record.seq !== this.head + 1) throw new RangeError(`sequence is ${record.seq}, expected ${this.head + 1}`);
    const known = this.#seqById.get(record.id);
    if (known !== undefined) throw new RangeError(`duplicate id "${record.id}" (first at line ${known})`);
    this.#recorded.note(record.seq, record.recordedtime);
    if (record.type === 'log.created') {
      if (!this.#logId) [this.#logId, this.#title, this.#followed] = [record.id, record.data.title, record.data.company];
    } else if (record.type === 'event.corrected') {
      this.#correct(record);
    } else if (record.type === 'event.retracted') {
      this.#supersede(record.data.target, record.id, record.seq);
    } else if (isDomain(record.type)) {
      this.#enter(record as Effective, record.subject!);
    }
    // Noted once the record is in (a record that threw above never was): an event is revised once.
    if (record.type === 'event.corrected' || record.type === 'event.retracted') this.#noteRevision(record.data.target, record.id);
    this.#seqById.set(record.id, record.seq);
  }

  #noteRevision(target: string, by: string): void {
    if (!this.#firstRevision.has(target)) this.#firstRevision.set(target, by);
  }

  /** The fact sequence `seq` put on a timeline (its record's, or the version a correction made), kept once read. */
  readonly #effectOfSeq = (seq: number): Effective => this.#correctedEffects.get(seq) ?? this.#keptFacts.of(seq);

  /** What the timelines read their facts through. A correction's fact is its corrected version, never its record: those are not read. */
  readonly #facts: Facts = {
    of: (seq) => this.#effectOfSeq(seq),
    prefetch: (seqs) => this.#keptFacts.prefetch(seqs.filter((seq) => !this.#correctedEffects.has(seq))),
    readOnce: (seqs) => this.#records.readOnce(seqs.filter((seq) => !this.#correctedEffects.has(seq))) as Map<number, Effective>,
  };

  #enter(effect: Effective, subject: string, time = toEpoch(effect.time)): void {
    const number = this.#timelines.get(subject) ?? this.#newTimeline(subject);
    const timeline = this.#timelineList[number - 1]!;
    timeline.insert(effect.seq, time, marksOf(effect));
    this.#places.place(effect.seq, number, time);
  }

  /** Makes a company's timeline; returns its number. */
  #newTimeline(company: string): number {
    this.#timelineList.push(new Timeline(company, this.#facts, { name: this.initialName(company), checkpointing: this.#checkpointing }));
    this.#timelines.set(company, this.#timelineList.length);
    return this.#timelineList.length;
  }

  #entryOf(id: string): Entry | undefined {
    const seq = this.#seqById.get(id);
    const place = seq === undefined ? undefined : this.#places.of(seq);
    if (seq === undefined || !place?.timeline) return undefined;
    return { timeline: this.#timelineList[place.timeline - 1]!, time: place.time, seq };
  }

  /** Hides the target's fact from sequence `seq` on; a retraction reads only its target's line (to confirm its id). */
  #supersede(target: string, by: string, seq: number): void {
    const entry = this.#entryOf(target);
    if (!entry || this.#revisedBy.has(target)) return;
    entry.timeline.hide(entry.time, entry.seq, seq);
    this.#revisedBy.set(target, by);
  }

  #correct(record: RecordOf<'event.corrected'>): void {
    const original = this.effectOf(record.data.target);
    const corrected = original && !this.#revisedBy.has(record.data.target) ? correctedEffect(original, record) : undefined;
    if (!corrected) return;
    // Read the corrected time before changing anything: a time that throws leaves the ledger as it was.
    const time = toEpoch(corrected.time);
    this.#supersede(record.data.target, record.id, record.seq);
    this.#correctedEffects.set(record.seq, corrected);
    this.#enter(corrected, corrected.subject, time);
  }

  /** The number of records known at recorded time R (all of them when R is absent). */
  knownSeq(knownAt?: string): number {
    if (knownAt === undefined) return this.head;
    return this.#recorded.countBy(toEpoch(knownAt), this.head);
  }

  /**
   * State of one company at effective time `at`, as known at `knownAt`: as recorded in this log by
   * then (the default, a prefix of the log, answered from checkpoints), or as published in the
   * sources by then (each record's `citation.published`, else its recorded time; replayed in full).
   */
  stateAt(company: string, at: string, knownAt?: string, knownBy: KnownBy = 'recorded'): CompanyState | undefined {
    const timeline = this.timeline(company);
    return timeline && this.reader(knownAt, knownBy).stateAt(timeline, toEpoch(at));
  }

  /** What a reader who knows the log at `knownAt` (by `knownBy`) sees of any timeline. */
  reader(knownAt?: string, knownBy: KnownBy = 'recorded'): Reader {
    if (knownAt === undefined || knownBy === 'recorded') {
      const seq = this.knownSeq(knownAt);
      return { visible: (timeline, position) => timeline.visibleAt(position, seq), stateAt: (timeline, at) => timeline.stateAt(at, seq) };
    }
    return publishedReader(this, toEpoch(knownAt));
  }
}
