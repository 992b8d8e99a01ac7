/**
 * The whole log in memory: records by sequence, one timeline per company, and the bitemporal
 * question "state at effective time T, as known at recorded time R".
 *
 * Records arrive in sequence order (the log's order). Recorded times are treated as never
 * decreasing with sequence (a clock that stepped back is clamped), so "known at R" is always a
 * prefix of the log: the first S records.
 *
 * A ledger read from a file may keep records as their lines only (`useLines`, `add(record, false)`):
 * what indexing needs is taken at `add`, and a record is parsed again from its line when first asked
 * for (then kept). Keeping a million parsed records alive is what made opening a large log slow.
 */
import type { EventRecord, RecordOf } from './event';
import type { Effective } from './evolve';
import { freezeShallow, type CompanyState } from './state';
import { toEpoch } from './time';
import { upperBound } from './search';
import { Timeline } from './timeline';
import { payloads, type DomainType } from './vocabulary';

/** Where an event's fact sits: its company's timeline and its (time, seq) key there. */
interface Entry {
  timeline: Timeline;
  time: number;
  effect: Effective;
}

const isDomain = (type: string): type is DomainType => Object.hasOwn(payloads, type);

/** What "known at R" counts: records written into this log by R, or sources published by R. */
export type KnownBy = 'recorded' | 'published';

/** One reader's view of the log: which timeline entries it sees, and the state they make. */
export interface Reader {
  visible(timeline: Timeline, position: number): boolean;
  stateAt(timeline: Timeline, at: number): CompanyState;
}

export class Ledger {
  /** By seq - 1: the record, or undefined while it is kept only as its line. */
  #records: (EventRecord | undefined)[] = [];
  /** The stored line of record `seq`, for records added without being kept. */
  #lineOf: ((seq: number) => string) | undefined;
  /** Recorded times by sequence, clamped to never decrease (taken at `add`: the record may not be kept). */
  #recorded = new Float64Array(1024);
  /** Seqs of the corrections and retractions, in log order (they are always kept). */
  #revisionSeqs: number[] = [];
  /** The first recorded time `add` could not read, if any. */
  #unreadableRecorded: { value: string } | undefined;
  #seqById = new Map<string, number>();
  /**
   * By sequence, the timeline entry each event introduced: its timeline and effective time (kept
   * in parallel arrays: opening a large log should not allocate an object per record for this).
   */
  #entryTimeline: (Timeline | undefined)[] = [];
  #entryTime = new Float64Array(1024);
  /** By the entering seq, 1 when the fact is a baseline (already true when coverage starts). */
  #baseline = new Uint8Array(1024);
  /** Corrected versions of facts, by the correcting event's sequence (the others are their records). */
  #correctedEffects = new Map<number, Effective>();
  /** Target id -> the correction or retraction that superseded it. */
  #revisedBy = new Map<string, string>();
  #timelines = new Map<string, Timeline>();
  /** Every company.registered fact by company, corrected versions included: names without a timeline walk. */
  #registrations = new Map<string, { effect: Effective; time: number }[]>();
  #logId = '';
  #title = '';
  /** The company the log says it follows, if it names one. */
  #followed: { id: string; name: string } | undefined;

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
    return this.#records.length;
  }
  /** Every record, in seq order (each one kept from now on). Prefer `slice` or `read` for large logs. */
  get records(): readonly EventRecord[] {
    for (let seq = 1; seq <= this.head; seq++) this.record(seq);
    return this.#records as EventRecord[];
  }

  /** Seqs of every correction and retraction, in log order. */
  get revisionSeqs(): readonly number[] {
    return this.#revisionSeqs;
  }

  /** Where records added with `keep = false` are read back from: their stored lines, by seq. */
  useLines(lineOf: (seq: number) => string): void {
    this.#lineOf = lineOf;
  }

  /** Record `seq`, parsed from its line on first use and kept. */
  record(seq: number): EventRecord | undefined {
    if (seq < 1 || seq > this.head) return undefined;
    return (this.#records[seq - 1] ??= JSON.parse(this.#lineOf!(seq)) as EventRecord);
  }
  /** Record `seq` without keeping it (a pass over the whole log should not keep the whole log). */
  read(seq: number): EventRecord | undefined {
    if (seq < 1 || seq > this.head) return undefined;
    return this.#records[seq - 1] ?? (JSON.parse(this.#lineOf!(seq)) as EventRecord);
  }
  /** Records `from`..`to` - 1 by index (as Array.prototype.slice over `records`), none of them kept. */
  slice(from: number, to = this.head): EventRecord[] {
    const [start, end] = [Math.max(0, from), Math.min(this.head, to)];
    const out: EventRecord[] = [];
    for (let i = start; i < end; i++) out.push(this.read(i + 1)!);
    return out;
  }
  byId(id: string): EventRecord | undefined {
    const seq = this.#seqById.get(id);
    return seq === undefined ? undefined : this.record(seq);
  }
  /** The fact an event put on its company's timeline (a correction's corrected version), if any. */
  effectOf(id: string): Effective | undefined {
    return this.#entryOf(id)?.effect;
  }

  /**
   * Where the log's coverage of a company starts, for a reader knowing `knownAt`: the first
   * baseline fact (already true then, start unknown), or else its first fact. Facts dated before
   * it (a CTO since May 2022) are context; the state before it is not covered.
   */
  coverageOf(company: string, knownAt?: string, knownBy: KnownBy = 'recorded'): Effective | undefined {
    const timeline = this.#timelines.get(company);
    if (!timeline) return undefined;
    // By publication, a later record may still be an early source: every record counts.
    const seq = knownBy === 'published' ? this.head : this.knownSeq(knownAt);
    // Baseline flags were noted at `add`: the walk parses no record, only the one it returns.
    let first: number | undefined;
    for (let i = 0; i < timeline.length; i++) {
      if (!timeline.visibleAt(i, seq)) continue;
      const entered = timeline.seqAt(i);
      if (this.#baseline[entered] === 1) return this.#effectOfSeq(entered);
      first ??= entered;
    }
    return first === undefined ? undefined : this.#effectOfSeq(first);
  }

  /** The correction or retraction that superseded an event, if any. */
  revisionOf(id: string): string | undefined {
    return this.#revisedBy.get(id);
  }
  companies(): string[] {
    return [...this.#timelines.keys()].sort();
  }
  /** Each company with its latest registered name (its id when it has none). */
  companyNames(): { id: string; name: string }[] {
    return this.companies().map((id) => ({ id, name: this.#latestName(id) }));
  }

  /**
   * The name from the company's latest registration in force: the last by (effective time, seq) of
   * its registrations that no correction or retraction superseded. Read from the registrations kept
   * at `add`, so it costs what a company's renamings cost, not what its timeline holds: no
   * checkpoints, no replay, no walk over a million entries.
   */
  #latestName(company: string): string {
    let latest: { effect: Effective; time: number } | undefined;
    for (const entry of this.#registrations.get(company) ?? []) {
      if (this.#revisedBy.has(entry.effect.id)) continue;
      if (!latest || entry.time > latest.time || (entry.time === latest.time && entry.effect.seq > latest.effect.seq)) latest = entry;
    }
    return latest?.effect.type === 'company.registered' ? latest.effect.data.name : this.initialName(company);
  }
  timeline(company: string): Timeline | undefined {
    return this.#timelines.get(company);
  }

  /**
   * Adds the next record of the log; throws on a duplicate id or an unreadable time. With `keep`
   * false (only after `useLines`), the record is indexed and then kept only as its line.
   */
  add(record: EventRecord, keep = true): void {
    const known = this.#seqById.get(record.id);
    if (known !== undefined) throw new RangeError(`duplicate id "${record.id}" (first at line ${known})`);
    if (record.type === 'log.created') {
      if (!this.#logId) [this.#logId, this.#title, this.#followed] = [record.id, record.data.title, record.data.company];
    } else if (record.type === 'event.corrected') {
      this.#revisionSeqs.push(record.seq);
      this.#correct(record);
    } else if (record.type === 'event.retracted') {
      this.#revisionSeqs.push(record.seq);
      this.#supersede(record.data.target, record.id, record.seq);
    } else if (isDomain(record.type)) {
      this.#enter(record as Effective, record.subject!);
    }
    // Revisions, registrations and the log's own record are few and looked at again: always kept.
    const kept = keep || !this.#lineOf || record.type === 'log.created' || record.type === 'company.registered' || record.type === 'event.corrected' || record.type === 'event.retracted';
    const index = this.#records.length;
    if (index >= this.#recorded.length) {
      const grown = new Float64Array(Math.max(1024, this.#recorded.length * 2));
      grown.set(this.#recorded);
      this.#recorded = grown;
    }
    const previous = index > 0 ? this.#recorded[index - 1]! : -Infinity;
    let recorded = previous;
    try {
      recorded = Math.max(toEpoch(record.recordedtime), previous);
    } catch {
      // Only known-at questions read recorded times: they, not opening, report an unreadable one.
      this.#unreadableRecorded ??= { value: record.recordedtime };
    }
    this.#recorded[index] = recorded;
    this.#records.push(kept ? record : undefined);
    this.#seqById.set(record.id, record.seq);
  }

  #enter(effect: Effective, subject: string): void {
    let timeline = this.#timelines.get(subject);
    const time = toEpoch(effect.time);
    if (!timeline) this.#timelines.set(subject, (timeline = new Timeline(subject, this.initialName(subject), this.#effectOfSeq, this.#passOfSeq)));
    timeline.insert(effect, time);
    if (effect.type === 'company.registered') {
      const registrations = this.#registrations.get(subject);
      if (registrations) registrations.push({ effect, time });
      else this.#registrations.set(subject, [{ effect, time }]);
    }
    if (effect.seq >= this.#entryTime.length) {
      const grown = new Float64Array(Math.max(effect.seq + 1, this.#entryTime.length * 2));
      grown.set(this.#entryTime);
      this.#entryTime = grown;
      const flags = new Uint8Array(grown.length);
      flags.set(this.#baseline);
      this.#baseline = flags;
    }
    this.#baseline[effect.seq] = effect.data.baseline ? 1 : 0;
    this.#entryTime[effect.seq] = time;
    this.#entryTimeline[effect.seq] = timeline;
  }

  /** The fact entered with `seq`: a correction's corrected version, or the record itself. */
  readonly #effectOfSeq = (seq: number): Effective => this.#correctedEffects.get(seq) ?? (this.record(seq) as Effective);
  /** The same, not kept when it is only a line: for long passes over a timeline. */
  readonly #passOfSeq = (seq: number): Effective => this.#correctedEffects.get(seq) ?? (this.read(seq) as Effective);

  #entryOf(id: string): Entry | undefined {
    const seq = this.#seqById.get(id);
    const timeline = seq === undefined ? undefined : this.#entryTimeline[seq];
    if (seq === undefined || !timeline) return undefined;
    return { timeline, time: this.#entryTime[seq]!, effect: this.#effectOfSeq(seq) };
  }

  #supersede(target: string, by: string, seq: number): Entry | undefined {
    const entry = this.#entryOf(target);
    if (!entry || this.#revisedBy.has(target)) return undefined;
    entry.timeline.hide(entry.time, entry.effect.seq, seq);
    this.#revisedBy.set(target, by);
    return entry;
  }

  #correct(record: RecordOf<'event.corrected'>): void {
    const original = this.#entryOf(record.data.target)?.effect;
    // Appends validate corrections; this guards replay against a hand-made log all the same.
    if (!original || !payloads[original.type].safeParse(record.data.data).success) return;
    if (!this.#supersede(record.data.target, record.id, record.seq)) return;
    const corrected = {
      ...original,
      id: record.id,
      seq: record.seq,
      time: record.data.time ?? original.time,
      timeprecision: record.data.timeprecision ?? original.timeprecision,
      data: record.data.data,
    } as Effective;
    this.#correctedEffects.set(record.seq, corrected);
    this.#enter(corrected, original.subject);
  }

  /** The number of records known at recorded time R (all of them when R is absent). */
  knownSeq(knownAt?: string): number {
    if (knownAt === undefined) return this.head;
    if (this.#unreadableRecorded) toEpoch(this.#unreadableRecorded.value);
    return upperBound(this.#recorded.subarray(0, this.head), toEpoch(knownAt));
  }

  /**
   * State of one company at effective time `at`, as known at `knownAt`: as recorded in this log by
   * then (the default, a prefix of the log, answered from checkpoints), or as published in the
   * sources by then (each record's `citation.published`, else its recorded time; replayed in full).
   */
  stateAt(company: string, at: string, knownAt?: string, knownBy: KnownBy = 'recorded'): CompanyState | undefined {
    const timeline = this.#timelines.get(company);
    return timeline && this.reader(knownAt, knownBy).stateAt(timeline, toEpoch(at));
  }

  /**
   * False in a process that asks each company one question and exits (a CLI snapshot): states are
   * then answered by one mutable replay each, and no checkpoints are built that nothing would reuse.
   */
  checkpoints = true;

  /** What a reader who knows the log at `knownAt` (by `knownBy`) sees of any timeline. */
  reader(knownAt?: string, knownBy: KnownBy = 'recorded'): Reader {
    if (knownAt === undefined || knownBy === 'recorded') {
      const seq = this.knownSeq(knownAt);
      const stateAt = this.checkpoints ? (timeline: Timeline, at: number) => timeline.stateAt(at, seq) : (timeline: Timeline, at: number) => freezeShallow(timeline.replayFromStart(at, seq));
      return { visible: (timeline, position) => timeline.visibleAt(position, seq), stateAt };
    }
    const by = toEpoch(knownAt);
    const known = (seq: number) => this.#publishedAt(seq) <= by;
    const visible = (timeline: Timeline, position: number) => {
      const { seq, id } = timeline.effectAt(position);
      const reviser = this.revisionOf(id);
      return known(seq) && !(reviser !== undefined && known(this.#seqById.get(reviser)!));
    };
    return { visible, stateAt: (timeline, at) => timeline.replayWhere(at, (position) => visible(timeline, position)) };
  }

  /** When record `seq`'s source was published, or else when it was recorded. */
  #publishedAt(seq: number): number {
    const record = this.read(seq)!;
    const published = (record.data as { citation?: { published?: string } }).citation?.published;
    return toEpoch(published ?? record.recordedtime);
  }
}
