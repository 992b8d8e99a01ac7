/// <reference lib="webworker" />
/**
 * Replay runs here, off the page's thread, so scrubbing never waits for it. The worker holds the
 * only in-page copy of the records, in a Ledger (the engine the CLI and the main process use), and
 * answers state questions and the rows the events list shows.
 */
import { kindOf } from '../core/describe';
import { describeChange, diffStates } from '../core/diff';
import type { Effective } from '../core/evolve';
import { Ledger } from '../core/ledger';
import { toEpoch } from '../core/time';
import { KINDS } from './kinds';
import type { EventRow, Request, Responses, TimelineView } from './replay-protocol';

let ledger = new Ledger();
const iso = (ms: number) => new Date(ms).toISOString();
const kindCode = new Map<string, number>(KINDS.map((k, i) => [k, i]));

function timeline(company: string) {
  const found = ledger.timeline(company);
  if (!found) throw new Error(`no company "${company}" in this log`);
  return found;
}

/** Visible entries of a company, in order, with what each shows. */
function* entries(company: string, knownAt?: string): Generator<{ effect: Effective; time: number; position: number }> {
  const t = timeline(company);
  const known = ledger.knownSeq(knownAt);
  for (let i = 0; i < t.length; i++) if (t.visibleAt(i, known)) yield { effect: t.effectAt(i), time: t.times[i]!, position: i };
}

function view(company: string, knownAt?: string): TimelineView {
  const seqs: number[] = [];
  const times: number[] = [];
  const kinds: number[] = [];
  const figures: TimelineView['figures'] = [];
  const zones = new Map<string, number>();
  for (const { effect, time } of entries(company, knownAt)) {
    seqs.push(effect.seq);
    times.push(time);
    kinds.push(kindCode.get(kindOf(effect.type)) ?? 0);
    if (zones.size < 50 || zones.has(effect.timezone)) zones.set(effect.timezone, (zones.get(effect.timezone) ?? 0) + 1);
    if (effect.type === 'workforce.reported') figures.push({ time, series: 'Workforce', value: effect.data.headcount });
    if (effect.type === 'petition.reported') figures.push({ time, series: effect.data.title, value: effect.data.signatories });
  }
  const timeZone = [...zones].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'UTC';
  return { company, seqs: Float64Array.from(seqs), times: Float64Array.from(times), kinds: Uint8Array.from(kinds), figures, timeZone };
}

function filter(company: string, knownAt: string | undefined, kind: string, person: string): Int32Array {
  const needle = person.trim().toLowerCase();
  const result: number[] = [];
  let index = 0;
  for (const { effect } of entries(company, knownAt)) {
    const who = (effect.data as { person?: { id: string; name: string } }).person;
    if ((!kind || kindOf(effect.type) === kind) && (!needle || (who && `${who.name} ${who.id}`.toLowerCase().includes(needle)))) result.push(index);
    index += 1;
  }
  return Int32Array.from(result);
}

/** The row for a record: corrections show the fact as corrected. */
function row(seq: number): EventRow {
  const record = ledger.record(seq)!;
  if (record.type !== 'event.corrected') return { record, type: record.type, data: record.data as Record<string, unknown>, time: toEpoch(record.time) };
  let target = ledger.byId(record.data.target);
  while (target?.type === 'event.corrected') target = ledger.byId(target.data.target);
  return { record, type: target?.type ?? record.type, data: record.data.data, time: toEpoch(record.data.time ?? target?.time ?? record.time), correction: { id: record.id, reason: record.data.reason } };
}

function handle(request: Request): Responses[Request['op']] {
  switch (request.op) {
    case 'reset':
      ledger = new Ledger();
      return null;
    case 'add':
      for (const record of request.records) ledger.add(record);
      return { head: ledger.head };
    case 'companies':
      // Names come from replay: asked once a load is complete, not after every page.
      return ledger.companyNames();
    case 'view':
      return view(request.company, request.knownAt);
    case 'filter':
      return filter(request.company, request.knownAt, request.kind, request.person);
    case 'rows':
      return request.seqs.filter((seq) => seq >= 1 && seq <= ledger.head).map(row);
    case 'locate': {
      const record = ledger.byId(request.id);
      return record ? row(record.seq).time : null;
    }
    case 'state': {
      const t = timeline(request.company);
      const known = ledger.knownSeq(request.knownAt);
      const state = t.stateAt(request.at, known);
      let index = t.countUntil(request.at) - 1;
      while (index >= 0 && !t.visibleAt(index, known)) index -= 1;
      // The state just before the last event at or before the moment: what that event changed.
      const before = index >= 0 ? t.stateAt(t.times[index]! - 1, known) : state;
      return { state, changes: diffStates(before, state) };
    }
    case 'diff': {
      const from = ledger.stateAt(request.company, iso(request.from), request.knownAt)!;
      const to = ledger.stateAt(request.company, iso(request.to), request.knownAt)!;
      const changes = diffStates(from, to);
      return { changes, sentences: changes.map(describeChange) };
    }
  }
}

self.onmessage = (message: MessageEvent<{ id: number; request: Request }>) => {
  const { id, request } = message.data;
  try {
    self.postMessage({ id, ok: true, value: handle(request) });
  } catch (error) {
    self.postMessage({ id, ok: false, message: (error as Error).message });
  }
};
