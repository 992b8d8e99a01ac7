/// <reference lib="webworker" />
/**
 * Replay runs here, off the page's thread, so scrubbing never waits for it. The worker keeps its
 * own Ledger (the same engine the CLI and the main process use) and answers state questions.
 */
import { describeChange, diffStates } from '../core/diff';
import { Ledger } from '../core/ledger';
import type { Request, Responses, TimelineView } from './replay-protocol';

let ledger = new Ledger();
const iso = (ms: number) => new Date(ms).toISOString();

function timeline(company: string) {
  const found = ledger.timeline(company);
  if (!found) throw new Error(`no company "${company}" in this log`);
  return found;
}

function view(company: string, knownAt?: string): TimelineView {
  const t = timeline(company);
  const known = ledger.knownSeq(knownAt);
  const seqs: number[] = [];
  const times: number[] = [];
  const figures: TimelineView['figures'] = [];
  for (let i = 0; i < t.length; i++) {
    if (!t.visibleAt(i, known)) continue;
    const effect = t.effectAt(i);
    seqs.push(effect.seq);
    times.push(t.times[i]!);
    if (effect.type === 'workforce.reported') figures.push({ time: t.times[i]!, series: 'Workforce', value: effect.data.headcount });
    if (effect.type === 'petition.reported') figures.push({ time: t.times[i]!, series: effect.data.title, value: effect.data.signatories });
  }
  return { company, seqs: Float64Array.from(seqs), times: Float64Array.from(times), figures };
}

function handle(request: Request): Responses[Request['op']] {
  switch (request.op) {
    case 'reset':
      ledger = new Ledger();
      return null;
    case 'add':
      for (const record of request.records) ledger.add(record);
      return { companies: ledger.companies().map((id) => ({ id, name: ledger.stateAt(id, '9999-12-31T00:00:00Z')?.name ?? id })), head: ledger.head };
    case 'view':
      return view(request.company, request.knownAt);
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
