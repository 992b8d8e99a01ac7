import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as evolveModule from '../core/evolve';
import { created, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { checkpointWarmer } from './checkpoint-warmer';

// Counted, not changed: how many facts a question replays.
vi.mock('../core/evolve', async (importOriginal) => {
  const original = await importOriginal<typeof import('../core/evolve')>();
  return { ...original, evolve: vi.fn(original.evolve) };
});

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString();

function ledgerOf(facts: number, subject = 'acme'): Ledger {
  resetSeq();
  const ledger = new Ledger();
  ledger.add(created());
  for (let i = 0; i < facts; i++) ledger.add(rec('workforce.reported', at(i), { headcount: i + 1 }, { subject }));
  return ledger;
}

describe('building checkpoints while the replay worker is idle', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for the worker to be idle, then builds the company on screen up to its end, and again after records are added', () => {
    vi.useFakeTimers();
    const ledger = ledgerOf(2_000);
    const timeline = ledger.timeline('acme')!;
    const built = vi.spyOn(timeline, 'prepare');
    const warmer = checkpointWarmer(() => ledger);
    warmer.busy('acme');
    vi.advanceTimersByTime(40);
    warmer.busy();
    vi.advanceTimersByTime(40);
    // Each request put it off: nothing built yet.
    expect(built).not.toHaveBeenCalled();
    vi.runAllTimers();
    const upTo = built.mock.calls.map(([position]) => position);
    expect(upTo.at(-1)).toBe(timeline.length);
    expect(upTo).toEqual([...upTo].sort((a, b) => a - b));
    // Done: idle again, it builds nothing more.
    built.mockClear();
    warmer.busy();
    vi.runAllTimers();
    expect(built).not.toHaveBeenCalled();
    // A back-dated record moves entries: it goes over the company again.
    ledger.add(rec('workforce.reported', at(-5), { headcount: 9 }));
    warmer.busy();
    vi.runAllTimers();
    expect(built.mock.calls[0]![0]).toBe(256);
    expect(built.mock.calls.at(-1)![0]).toBe(timeline.length);
  });

  it('builds nothing for a company the log does not hold', () => {
    vi.useFakeTimers();
    const ledger = ledgerOf(10);
    const built = vi.spyOn(ledger.timeline('acme')!, 'prepare');
    const warmer = checkpointWarmer(() => ledger);
    warmer.busy('globex');
    vi.runAllTimers();
    expect(built).not.toHaveBeenCalled();
  });

  it('leaves a known-at reader that scrubs its own checkpoints, between its steps (an outside review)', () => {
    // A reader who knows none of a back-filled past: patching does not pay, so its second question gets a chain.
    const scrub = (warm: boolean) => {
      vi.useFakeTimers();
      const ledger = ledgerOf(3_000);
      const knownSeq = ledger.head;
      for (let i = 0; i < 1_000; i++) ledger.add(rec('workforce.reported', at(-2_000 + i), { headcount: i + 1 }));
      const timeline = ledger.timeline('acme')!;
      const warmer = checkpointWarmer(() => ledger);
      warmer.busy('acme');
      vi.runAllTimers();
      const evolve = vi.mocked(evolveModule.evolve);
      let replayed = 0;
      for (let step = 0; step < 10; step++) {
        evolve.mockClear();
        warmer.busy('acme');
        timeline.stateAt(Date.parse(at(2_000 + step)), knownSeq);
        replayed += evolve.mock.calls.length;
        // A record arrives through the poll, and the reader pauses between steps.
        ledger.add(rec('statement.made', at(5_000 + step), { person: { id: 'ann', name: 'ann' }, text: 'x' }));
        warmer.busy();
        if (warm) vi.runAllTimers();
      }
      vi.useRealTimers();
      return replayed;
    };
    expect(scrub(true)).toBeLessThanOrEqual(scrub(false));
  });

  it('lets the log before a reset go, even when the new one does not hold the company (an outside review)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    vi.useFakeTimers();
    let ledger = ledgerOf(2_000);
    const warmer = checkpointWarmer(() => ledger);
    warmer.busy('acme');
    vi.runAllTimers();
    const before = new WeakRef(ledger);
    ledger = ledgerOf(1, 'globex');
    warmer.busy();
    vi.runAllTimers();
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(before.deref()).toBeUndefined();
  });
});
