import { describe, expect, it } from 'vitest';
import { loadPhase } from './useLoadAnnouncement';

describe("a load's sentences for a screen reader", () => {
  it('change only at the milestones: opening, its first records shown meanwhile, the start, each quarter', () => {
    const total = 100_000;
    const said = new Set<string | undefined>();
    said.add(loadPhase({ path: 'log.jsonl', read: 0, size: 0, elapsedMs: 0, checked: 0 }, undefined));
    for (let read = 0; read <= 722e6; read += 1e6) said.add(loadPhase({ path: 'log.jsonl', read, size: 722e6, elapsedMs: read / 1e5, checked: read / 720 }, undefined, read < 4e6 ? 0 : 500));
    for (let loaded = 500; loaded <= total; loaded *= 2) said.add(loadPhase(undefined, { loaded, total }));
    for (let loaded = 0; loaded <= total; loaded += 997) said.add(loadPhase(undefined, { loaded, total, etaMs: 1_000 }));
    expect([...said]).toEqual([
      'Opening the log.',
      'Opening the log: 722 MB to read.',
      'Opening the log: 722 MB to read. Showing its first records meanwhile, not yet checked against its end.',
      'Loading the log: 100,000 records.',
      'Loading the log: 25% of its records in.',
      'Loading the log: 50% of its records in.',
      'Loading the log: 75% of its records in.',
    ]);
  });

  it('say the first records show while the log opens only once the page has some: the host having read them is not enough', () => {
    const opening = { path: 'log.jsonl', read: 5e6, size: 722e6, elapsedMs: 500, checked: 7_000 };
    expect(loadPhase(opening, undefined, 0)).toBe('Opening the log: 722 MB to read.');
    expect(loadPhase(opening, undefined, 500)).toBe('Opening the log: 722 MB to read. Showing its first records meanwhile, not yet checked against its end.');
  });

  it('say once, at the milestone the load was at when the log opened, that the records shown while it opened are checked', () => {
    const total = 1_000_000;
    const said = new Set<string | undefined>();
    for (let loaded = 100_000; loaded <= total; loaded += 20_000) said.add(loadPhase(undefined, { loaded, total, checkedEarly: 100_000 }));
    expect([...said]).toEqual([
      'Loading the log: 1,000,000 records. The records shown while it opened are checked against its end.',
      'Loading the log: 25% of its records in.',
      'Loading the log: 50% of its records in.',
      'Loading the log: 75% of its records in.',
      undefined,
    ]);
    expect(loadPhase(undefined, { loaded: 300_000, total: 900_000, checkedEarly: 300_000 })).toBe('Loading the log: 25% of its records in. The records shown while it opened are checked against its end.');
  });

  it('say nothing once loaded: the hook says that it ended', () => {
    expect(loadPhase(undefined, undefined)).toBeUndefined();
    expect(loadPhase(undefined, { loaded: 10, total: 10 })).toBeUndefined();
  });
});
