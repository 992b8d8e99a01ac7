import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffStates } from '../core/diff';
import type { EventRecord } from '../core/event';
import { Ledger } from '../core/ledger';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { allOf } from '../core/state';
import { changesBetween, DEFAULT_LIMITS, keysOf, mergeView, viewOf, withoutHeld } from './state-view';

const ledgerOf = (file: string) => {
  const ledger = new Ledger();
  for (const line of readFileSync(join(import.meta.dirname, '../../data', file), 'utf8').split('\n')) if (line.trim()) ledger.add(JSON.parse(line) as EventRecord);
  return ledger;
};

describe.each(['openai-2023-11.jsonl', 'twitter-2021-2023.jsonl'])('the state view of %s', (file) => {
  const ledger = ledgerOf(file);
  const company = ledger.companies()[0]!;
  const t = ledger.timeline(company)!;
  const reader = ledger.reader();
  const moments = [...new Set(Array.from(t.times))];

  it('changesBetween answers exactly as diffStates, step by step and across spans', () => {
    for (let i = 0; i < moments.length; i++) {
      const at = moments[i]!;
      const before = reader.stateAt(t, at - 1);
      const after = reader.stateAt(t, at);
      expect(changesBetween(before, after)).toEqual(diffStates(before, after));
      const earlier = reader.stateAt(t, moments[Math.floor(i / 3)]!);
      expect(changesBetween(earlier, after)).toEqual(diffStates(earlier, after));
    }
  });

  it('sends only the sections the page does not hold, and the page rebuilds the whole view', () => {
    let held: { view: ReturnType<typeof viewOf>; keys: ReturnType<typeof keysOf> } | undefined;
    for (const at of moments) {
      const view = viewOf(reader.stateAt(t, at), DEFAULT_LIMITS);
      const keys = keysOf(view);
      const sent = withoutHeld(view, keys, held?.keys);
      const merged = mergeView(sent, keys, held);
      expect(merged).toEqual(view);
      if (held) for (const s of Object.keys(keys) as (keyof typeof keys)[]) if (!(s in sent)) expect(merged[s]).toBe(held.view[s]);
      held = { view: merged, keys };
    }
  });
});

describe('the state view', () => {
  it('lists at most the limits, with the totals', () => {
    const ledger = ledgerOf('twitter-2021-2023.jsonl');
    const company = ledger.companies()[0]!;
    const t = ledger.timeline(company)!;
    const state = ledger.reader().stateAt(t, t.times[t.length - 1]!);
    const view = viewOf(state, { board: 1, affiliations: 1, pending: 1 });
    expect(view.board.items.length).toBeLessThanOrEqual(1);
    expect(view.board.total).toBe(Object.keys(state.board).length);
    const former = allOf(state.former).sort((a, b) => b.until.time.localeCompare(a.until.time)).slice(0, 8);
    expect(view.former.items.map((f) => f.endEventId)).toEqual(former.map((f) => f.endEventId));
    expect(view.former.total).toBe(allOf(state.former).length);
  });

  it('lists a board of numbered names in their numbers’ order (Director 2 before Director 10)', () => {
    resetSeq();
    const ledger = new Ledger();
    ledger.add(created());
    for (const n of [10, 2, 1, 11]) ledger.add(rec('board.joined', `2024-01-0${n % 9 || 9}T00:00:00Z`, { person: { ...person(`director-${n}`), name: `Director ${n}` } }));
    const t = ledger.timeline('acme')!;
    const view = viewOf(ledger.reader().stateAt(t, t.times[t.length - 1]!), DEFAULT_LIMITS);
    expect(view.board.items.map((member) => member.person.name)).toEqual(['Director 1', 'Director 2', 'Director 10', 'Director 11']);
  });
});
