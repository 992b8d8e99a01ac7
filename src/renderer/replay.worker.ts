/// <reference lib="webworker" />
/**
 * Replay runs here, off the page's thread, so scrubbing never waits for it. The worker holds the
 * only in-page copy of the records, in a Ledger (the engine the CLI and the main process use), and
 * answers state questions and the rows the events list shows.
 */
import { describeEvent, itemNameBefore, ItemNames, kindOf } from '../core/describe';
import type { EventRecord } from '../core/event';
import { describeChange, sayingHowSure } from '../core/diff';
import { changesBetween, keysOf, viewOf, withoutHeld, type Keys, type Limits } from './state-view';
import type { Effective } from '../core/evolve';
import { stateAndBefore } from '../core/last-change';
import { Ledger } from '../core/ledger';
import { httpClient } from './api';
import { toEpoch } from '../core/time';
import { uncertainAt } from '../core/uncertain';
import { seatLanes } from './seat-lanes';
import { shownValue } from '../core/shown-text';
import { addInSlices } from './sliced-add';
import { IdleWarmer } from './idle-warmer';
import { seatOf } from '../core/seats';
import { timelineCodes, viewFor, type TimelineCodes } from './timeline-view';
import { type MomentState, type EventRow, type FilterSpec, type Knowing, type MomentAnswer, type Request, type Responses, type TimelineView, type Uncertain } from './replay-protocol';

let ledger = new Ledger();
const iso = (ms: number) => new Date(ms).toISOString();
/** A resolution names its item by the summary that opened it, looked for among the records before it. */
const itemNameOf = (effect: { seq: number; subject?: string; type: string; data: unknown }) => itemNameBefore((seq) => ledger.record(seq), effect as EventRecord);
const describe = (effect: Effective) => describeEvent({ type: effect.type, data: effect.data } as EventRecord, itemNameOf(effect));
const said = (effect: Effective) => sayingHowSure(describe(effect), (effect.data as { certainty?: string }).certainty);

/** Every name, party, organisation and phrase an event holds (not its citation), and its sentence, lower-cased. */
function haystack(effect: Effective, names: ItemNames): string {
  const parts: string[] = [names.describe(effect)];
  const walk = (value: unknown, key?: string) => {
    if (key === 'citation') return;
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach((v) => walk(v));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(effect.data);
  return parts.join(' \u0001 ').toLowerCase();
}

function timeline(company: string) {
  const found = ledger.timeline(company);
  if (!found) throw new Error(`no company "${company}" in this log`);
  return found;
}

/** Visible entries of a company, in order, with what each shows. */
function* entries(company: string, knowing: Knowing): Generator<{ effect: Effective; time: number; position: number }> {
  const t = timeline(company);
  const reader = readerOf(knowing);
  for (let i = 0; i < t.length; i++) if (reader.visible(t, i)) yield { effect: t.effectAt(i), time: t.times[i]!, position: i };
}

const readerOf = ({ knownAt, knownBy }: Knowing) => ledger.reader(knownAt, knownBy);

/** Where the log's coverage of a company starts, per reader: a scan of its timeline, so kept until the log changes. */
const coverages = new Map<string, MomentState['coverageFrom']>();
let coveragesHead = 0;
function coverageFrom(company: string, { knownAt, knownBy }: Knowing): MomentState['coverageFrom'] {
  if (coveragesHead !== ledger.head) {
    coverages.clear();
    coveragesHead = ledger.head;
  }
  const key = JSON.stringify([company, knownAt, knownBy]);
  if (!coverages.has(key)) {
    const start = ledger.coverageOf(company, knownAt, knownBy);
    coverages.set(key, start ? { time: toEpoch(start.time), precision: start.timeprecision, timezone: start.timezone } : null);
  }
  return coverages.get(key)!;
}

/** Each company's timeline codes, for the log head they were worked out at (see `timeline-view.ts`). */
const codes = new Map<string, { head: number; codes: TimelineCodes }>();
function codesOf(company: string): TimelineCodes {
  let kept = codes.get(company);
  if (kept?.head !== ledger.head) codes.set(company, (kept = { head: ledger.head, codes: timelineCodes(timeline(company)) }));
  return kept.codes;
}

function view(company: string, knowing: Knowing): TimelineView {
  const t = timeline(company);
  const reader = readerOf(knowing);
  return viewFor(company, t, codesOf(company), (position) => reader.visible(t, position));
}

function filter(company: string, knowing: Knowing, spec: FilterSpec): Int32Array {
  const needles = spec.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  // Learnt in time order as the entries pass, so a resolution is found by its item's name.
  const names = new ItemNames();
  const result: number[] = [];
  // A correction stands on the timeline as the fact it corrects, of that fact's kind: "Corrections"
  // (kind 'event') finds those facts by their record, else it never matched and said "No match".
  // Records are read only for that kind.
  const ofKind = (effect: Effective) => (spec.kind === 'event' ? ledger.record(effect.seq)?.type === 'event.corrected' : kindOf(effect.type) === spec.kind);
  let index = 0;
  for (const { effect } of entries(company, knowing)) {
    names.note(effect);
    const keep =
      (!spec.kind || ofKind(effect)) &&
      !(spec.hideRumoured && (effect.data as { certainty?: string }).certainty === 'rumoured') &&
      (needles.length === 0 || ((text) => needles.every((n) => text.includes(n)))(haystack(effect, names)));
    if (keep) result.push(index);
    index += 1;
  }
  return Int32Array.from(result);
}

function seatOfFact(effect: Effective): { seat?: string } {
  if (effect.type === 'role.assumed' || effect.type === 'role.vacated') return { seat: seatOf(effect.data.role).key };
  if (effect.type === 'board.chair.assumed' || effect.type === 'board.chair.vacated') return { seat: 'chair' };
  if (effect.type === 'board.joined' || effect.type === 'board.left') return { seat: `board:${effect.data.person.id}` };
  return {};
}

/** The state at a moment, what its last event changed, and which facts known only to the day (or coarser) make it uncertain. */
function momentAt(company: string, at: number, knowing: Knowing, limits?: Limits, held?: Partial<Keys>): MomentAnswer {
  const t = timeline(company);
  const reader = readerOf(knowing);
  // The state, and the state just before the last event at or before the moment (what that event changed).
  const { state, before, last: index } = stateAndBefore(reader, t, at);
  const lastEffect = index >= 0 ? t.effectAt(index) : undefined;
  const last = lastEffect ? { eventId: lastEffect.id, time: t.times[index]!, precision: lastEffect.timeprecision, timezone: lastEffect.timezone, text: said(lastEffect) } : null;
  // Facts known only to the day, month or year whose period holds the moment (the one rule, shared with the snapshot).
  const uncertain: Uncertain[] = uncertainAt(t, reader, at).map(({ effect, precision, from, to, applied }) => ({ eventId: effect.id, text: said(effect), precision, from, to, timezone: effect.timezone, applied, ...seatOfFact(effect) }));
  const view = viewOf(state, limits);
  const keys = keysOf(view);
  return { company, at, ...(knowing.knownAt ? { knownAt: knowing.knownAt, knownBy: knowing.knownBy ?? 'recorded' } : {}), view: withoutHeld(view, keys, held), keys, changes: changesBetween(before, state), last, uncertain, coverageFrom: coverageFrom(company, knowing) };
}

/** The row for a record: corrections show the fact as corrected. */
function row(seq: number): EventRow {
  const record = ledger.record(seq)!;
  if (record.type !== 'event.corrected') return { record, type: record.type, data: record.data as Record<string, unknown>, time: toEpoch(record.time), precision: record.timeprecision, timezone: record.timezone, ...named(record) };
  const target = ledger.factRecordOf(record.data.target);
  return { record, type: target?.type ?? record.type, data: record.data.data, time: toEpoch(record.data.time ?? target?.time ?? record.time), precision: record.data.timeprecision ?? target?.timeprecision ?? record.timeprecision, timezone: target?.timezone ?? record.timezone, correction: { id: record.id, reason: record.data.reason }, ...(target ? named({ ...target, data: record.data.data } as EventRecord) : {}) };
}

const named = (record: EventRecord): { itemName?: string } => {
  const itemName = itemNameOf(record);
  return itemName ? { itemName } : {};
};

/**
 * Records join the ledger one batch at a time, in the order they were asked for (pages fetched
 * concurrently, records appended), each a few milliseconds at a time so that questions asked
 * meanwhile are answered between (`addInSlices`).
 */
let adding: Promise<unknown> = Promise.resolve();

/**
 * Adds `records` to the ledger of the moment they were asked for, once the batches asked before
 * them are in, skipping those it has already: a page's own append, posted with the records after
 * the page's head while pages are loading, comes after pages that hold some of them. A reset
 * (another log) before or during the turn refuses the batch instead of mixing two logs.
 */
function addInTurn(records: Promise<readonly EventRecord[]> | readonly EventRecord[]): Promise<{ head: number }> {
  const into = ledger;
  const wanted = () => ledger === into;
  // Awaited in its turn; this only keeps a page that fails before then from counting as unhandled.
  if (records instanceof Promise) records.catch(() => undefined);
  const turn = adding.then(async () => {
    const batch = await records;
    const add = (record: EventRecord) => {
      if (record.seq <= into.head) return;
      // A record's text is shown as shown-text.ts allows: a shared log may hold what the content rules refuse.
      const data = shownValue(record.data);
      into.add(data === record.data ? record : ({ ...record, data } as EventRecord));
    };
    if (!wanted() || !(await addInSlices(batch, add, wanted))) throw new Error('another log was loaded while these records were on their way');
    return { head: into.head };
  });
  adding = turn.catch(() => undefined);
  return turn;
}

async function fetchPage(token: string, fromSeq: number, limit: number): Promise<readonly EventRecord[]> {
  const result = await httpClient(token)['log:read']({ fromSeq, limit });
  if (!result.ok) throw new Error(result.error.field ? `${result.error.field}: ${result.error.message}` : result.error.message);
  return result.value.records;
}

function handle(request: Request): Responses[Request['op']] | Promise<Responses[Request['op']]> {
  switch (request.op) {
    case 'fetch':
      return addInTurn(fetchPage(request.token, request.fromSeq, request.limit));
    case 'reset':
      ledger = new Ledger();
      coverages.clear();
      codes.clear();
      return null;
    case 'add':
      return addInTurn(request.records);
    case 'companies':
      // Names come from replay: asked once a load is complete, not after every page.
      return ledger.companyNames();
    case 'view':
      return view(request.company, request);
    case 'filter':
      return filter(request.company, request, request.filter);
    case 'rows':
      return request.seqs.filter((seq) => seq >= 1 && seq <= ledger.head).map(row);
    case 'row': {
      const record = ledger.byId(request.id);
      return record ? row(record.seq) : null;
    }
    case 'between': {
      const t = timeline(request.company);
      const reader = readerOf(request);
      const seqs: number[] = [];
      let total = 0;
      for (let i = t.countUntil(Math.min(request.from, request.to)); i < t.countUntil(Math.max(request.from, request.to)); i++) {
        if (!reader.visible(t, i)) continue;
        total += 1;
        if (seqs.length < request.limit) seqs.push(t.effectAt(i).seq);
      }
      return { total, rows: seqs.map(row) };
    }
    case 'lanes':
      return seatLanes(entries(request.company, request));
    case 'locate': {
      const record = ledger.byId(request.id);
      return record ? row(record.seq).time : null;
    }
    case 'state':
      return momentAt(request.company, request.at, request, request.limits, request.held);
    case 'diff': {
      const from = ledger.stateAt(request.company, iso(request.from), request.knownAt, request.knownBy)!;
      const to = ledger.stateAt(request.company, iso(request.to), request.knownAt, request.knownBy)!;
      const changes = changesBetween(from, to);
      return { changes, sentences: changes.map(describeChange) };
    }
  }
}

/**
 * The buffers an answer hands over to the page instead of copying them: only those made for that
 * answer alone (a view's arrays, a filter's matches), never one the worker keeps, which the
 * hand-over would empty. A view of half a million entries is megabytes: copied, it cost about
 * 50 ms in the worker and 30 ms on the page at every change of known-at, at a million events.
 */
function handedOver(request: Request, value: unknown): Transferable[] {
  if (request.op === 'view') {
    const { seqs, times, kinds, precisions, zones } = value as TimelineView;
    return [seqs.buffer, times.buffer, kinds.buffer, precisions.buffer, zones.buffer];
  }
  if (request.op === 'filter') return [(value as Int32Array).buffer];
  return [];
}

const warmer = new IdleWarmer((company) => ledger.timeline(company));

self.onmessage = (message: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = message.data;
  const fail = (error: unknown) => self.postMessage({ id, ok: false, message: (error as Error).message });
  const answer = (value: unknown) => self.postMessage({ id, ok: true, value }, handedOver(request, value));
  warmer.heard(request.op === 'state' ? request.company : undefined);
  try {
    const value = handle(request);
    if (value instanceof Promise) {
      warmer.during(value);
      value.then(answer).catch(fail);
    } else answer(value);
  } catch (error) {
    fail(error);
  }
};
