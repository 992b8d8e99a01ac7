/**
 * The whole log in memory: records by sequence, one timeline per company, and the bitemporal
 * question "state at effective time T, as known at recorded time R".
 *
 * Records arrive in sequence order (the log's order), and recorded times never decrease with
 * sequence, so "known at R" is always a prefix of the log: the first S records.
 */
import type { EventRecord, RecordOf } from './event';
import type { Effective } from './evolve';
import type { CompanyState } from './state';
import { toEpoch } from './time';
import { Timeline } from './timeline';
import { payloads, type DomainType } from './vocabulary';

interface EntryKey {
  timeline: Timeline;
  time: number;
  seq: number;
  effect: Effective;
}

const isDomain = (type: string): type is DomainType => Object.hasOwn(payloads, type);

export class Ledger {
  #records: EventRecord[] = [];
  #recorded = new Float64Array(1024);
  #seqById = new Map<string, number>();
  /** The live timeline entry each event id introduced (an original fact, or a corrected version). */
  #entries = new Map<string, EntryKey>();
  /** Target id -> the correction or retraction that superseded it. */
  #revisedBy = new Map<string, string>();
  #timelines = new Map<string, Timeline>();
  #logId = '';
  #title = '';

  get logId(): string {
    return this.#logId;
  }
  get title(): string {
    return this.#title;
  }
  get head(): number {
    return this.#records.length;
  }
  get records(): readonly EventRecord[] {
    return this.#records;
  }

  record(seq: number): EventRecord | undefined {
    return this.#records[seq - 1];
  }
  byId(id: string): EventRecord | undefined {
    const seq = this.#seqById.get(id);
    return seq === undefined ? undefined : this.#records[seq - 1];
  }
  /** The correction or retraction that superseded an event, if any. */
  revisionOf(id: string): string | undefined {
    return this.#revisedBy.get(id);
  }
  companies(): string[] {
    return [...this.#timelines.keys()].sort();
  }
  timeline(company: string): Timeline | undefined {
    return this.#timelines.get(company);
  }

  /** Adds the next record of the log. The caller guarantees sequence order (the store checks it). */
  add(record: EventRecord): void {
    const index = this.#records.length;
    if (index === this.#recorded.length) {
      const grown = new Float64Array(index * 2);
      grown.set(this.#recorded);
      this.#recorded = grown;
    }
    this.#records.push(record);
    this.#recorded[index] = Math.max(toEpoch(record.recordedtime), index > 0 ? this.#recorded[index - 1]! : -Infinity);
    this.#seqById.set(record.id, record.seq);

    if (record.type === 'log.created') {
      if (!this.#logId) [this.#logId, this.#title] = [record.id, record.data.title];
    } else if (record.type === 'event.corrected') {
      this.#correct(record);
    } else if (record.type === 'event.retracted') {
      this.#supersede(record.data.target, record.id, record.seq);
    } else if (isDomain(record.type)) {
      this.#enter(record as Effective, record.subject!);
    }
  }

  #enter(effect: Effective, subject: string): void {
    let timeline = this.#timelines.get(subject);
    if (!timeline) this.#timelines.set(subject, (timeline = new Timeline(subject)));
    const time = toEpoch(effect.time);
    timeline.insert(effect, time);
    this.#entries.set(effect.id, { timeline, time, seq: effect.seq, effect });
  }

  #supersede(target: string, by: string, seq: number): EntryKey | undefined {
    const entry = this.#entries.get(target);
    if (!entry || this.#revisedBy.has(target)) return undefined;
    entry.timeline.hide(entry.time, entry.seq, seq);
    this.#revisedBy.set(target, by);
    return entry;
  }

  #correct(record: RecordOf<'event.corrected'>): void {
    const original = this.#entries.get(record.data.target)?.effect;
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
    this.#enter(corrected, original.subject);
  }

  /** The number of records known at recorded time R (all of them when R is absent). */
  knownSeq(knownAt?: string): number {
    if (knownAt === undefined) return this.head;
    const limit = toEpoch(knownAt);
    let lo = 0;
    let hi = this.head;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#recorded[mid]! <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** State of one company at effective time `at`, as known at `knownAt`. */
  stateAt(company: string, at: string, knownAt?: string): CompanyState | undefined {
    return this.#timelines.get(company)?.stateAt(toEpoch(at), this.knownSeq(knownAt));
  }
}
