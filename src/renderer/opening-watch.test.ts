import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OpeningProgress } from '../core/contract';
import type { Api } from './api';
import { whileOpening, type Opening } from './opening-watch';

afterEach(() => void vi.useRealTimers());

/** An api whose host answers `log:opening` with each of `answers` in turn (then the last again). */
const hostSaying = (answers: OpeningProgress[]): Api => {
  let asked = 0;
  const contract = { 'log:opening': async () => ({ ok: true, value: answers[Math.min(asked++, answers.length - 1)]! }) };
  return { mode: 'web', contract, onMenuCommand: () => () => {} } as unknown as Api;
};

const at = (elapsedMs: number, read: number): OpeningProgress => ({ path: 'log.jsonl', read, size: 700e6, elapsedMs, checked: 0 });

describe('while the host opens a log', () => {
  it('tells the time left at the pace of the last answers, once a quarter is read, not from the slow start', async () => {
    vi.useFakeTimers();
    // A slow start (the host's lock, its worker, the page's first state), then 100 MB a second.
    const answers = [at(2_000, 50e6), at(2_250, 75e6), at(2_500, 100e6), at(2_750, 125e6), at(3_000, 150e6), at(3_250, 175e6), at(3_500, 200e6)];
    const shown: (Opening | undefined)[] = [];
    let open!: (value: string) => void;
    const watching = whileOpening(hostSaying(answers), new Promise<string>((resolve) => (open = resolve)), (opening) => shown.push(opening));
    for (let i = 0; i < answers.length; i++) await vi.advanceTimersByTimeAsync(250);
    open('opened');
    expect(await watching).toBe('opened');
    const told = shown.filter((opening) => opening !== undefined);
    // Under a quarter of 700 MB (175 MB): no estimate yet.
    expect(told.filter((opening) => opening.read < 175e6).every((opening) => opening.etaMs === undefined)).toBe(true);
    // At 200 MB, 500 MB to go at 100 MB a second: 5 s (from the start, 3.5 s for 200 MB would say 8.75 s).
    expect(told.at(-1)).toMatchObject({ read: 200e6, etaMs: 5_000 });
    expect(shown.at(-1)).toBeUndefined();
  });

  it('starts the pace again for another log, or the same one opened again, rather than wait for it to pass the last one read', async () => {
    vi.useFakeTimers();
    const other = (elapsedMs: number, read: number): OpeningProgress => ({ ...at(elapsedMs, read), path: 'other.jsonl' });
    // The first log was read to 600 MB; then another log is opened, read at 100 MB a second; then it is opened again.
    const answers = [at(6_000, 600e6), other(2_000, 150e6), other(2_250, 175e6), other(2_500, 200e6), other(500, 50e6), other(750, 75e6), other(1_000, 200e6)];
    const shown: (Opening | undefined)[] = [];
    let open!: (value: string) => void;
    const watching = whileOpening(hostSaying(answers), new Promise<string>((resolve) => (open = resolve)), (opening) => shown.push(opening));
    for (let i = 0; i < answers.length; i++) await vi.advanceTimersByTimeAsync(250);
    open('opened');
    await watching;
    const told = shown.filter((opening) => opening !== undefined);
    // At 200 MB of the other log, 500 MB to go at 100 MB a second.
    expect(told[3]).toMatchObject({ path: 'other.jsonl', read: 200e6, etaMs: 5_000 });
    // Opened again: 125 MB in 250 ms after 25 MB in 250 ms, at the recent pace.
    expect(told[6]).toMatchObject({ read: 200e6 });
    expect(told[6]!.etaMs).toBeGreaterThan(0);
  });
});
