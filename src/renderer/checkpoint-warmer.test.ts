import { afterEach, describe, expect, it, vi } from 'vitest';
import { created, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { checkpointWarmer } from './checkpoint-warmer';

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString();

function ledgerOf(facts: number): Ledger {
  resetSeq();
  const ledger = new Ledger();
  ledger.add(created());
  for (let i = 0; i < facts; i++) ledger.add(rec('workforce.reported', at(i), { headcount: i + 1 }));
  return ledger;
}

describe('building checkpoints while the replay worker is idle', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for the worker to be idle, then asks about the company on screen up to its last entry, and again after records are added', () => {
    vi.useFakeTimers();
    const ledger = ledgerOf(2_000);
    const timeline = ledger.timeline('acme')!;
    const asked = vi.spyOn(timeline, 'stateAt');
    const warmer = checkpointWarmer(() => ledger);
    warmer.busy('acme');
    vi.advanceTimersByTime(40);
    warmer.busy();
    vi.advanceTimersByTime(40);
    // Each request put it off: nothing built yet.
    expect(asked).not.toHaveBeenCalled();
    vi.runAllTimers();
    const times = asked.mock.calls.map(([time]) => time);
    expect(times.at(-1)).toBe(timeline.times[timeline.length - 1]);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(asked.mock.calls.every(([, knownSeq]) => knownSeq === ledger.head)).toBe(true);
    // Done: idle again, it asks nothing more.
    asked.mockClear();
    warmer.busy();
    vi.runAllTimers();
    expect(asked).not.toHaveBeenCalled();
    // A back-dated record moves entries: it builds from the start again, at the new head.
    ledger.add(rec('workforce.reported', at(-5), { headcount: 9 }));
    warmer.busy();
    vi.runAllTimers();
    expect(asked.mock.calls[0]![0]).toBe(timeline.times[512]);
    expect(asked.mock.calls.at(-1)).toEqual([timeline.times[timeline.length - 1], ledger.head]);
  });

  it('asks nothing about a company the log does not hold', () => {
    vi.useFakeTimers();
    const ledger = ledgerOf(10);
    const asked = vi.spyOn(ledger.timeline('acme')!, 'stateAt');
    const warmer = checkpointWarmer(() => ledger);
    warmer.busy('globex');
    vi.runAllTimers();
    expect(asked).not.toHaveBeenCalled();
  });
});
