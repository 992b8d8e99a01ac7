import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWarmer } from './idle-warmer';

/** A timeline with `left` slices of checkpoints to build. */
const timeline = (left: number) => ({ slices: 0, warm(this: { slices: number }) { this.slices += 1; return this.slices >= left; } });

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('IdleWarmer', () => {
  it('warms the company last asked about once the worker is quiet, a slice at a time, until done', () => {
    const acme = timeline(5);
    const warmer = new IdleWarmer((company) => (company === 'acme' ? acme : undefined), 250);
    warmer.heard('acme');
    vi.advanceTimersByTime(249);
    expect(acme.slices).toBe(0);
    vi.advanceTimersByTime(1);
    expect(acme.slices).toBe(1);
    vi.runAllTimers();
    expect(acme.slices).toBe(5);
  });

  it('stops at each message and starts again after quiet; nothing to warm before a state is asked', () => {
    const acme = timeline(100);
    const warmer = new IdleWarmer(() => acme, 250);
    warmer.heard();
    vi.runAllTimers();
    expect(acme.slices).toBe(0);
    warmer.heard('acme');
    vi.advanceTimersByTime(250);
    vi.advanceTimersByTime(0);
    const before = acme.slices;
    warmer.heard();
    vi.advanceTimersByTime(249);
    expect(acme.slices).toBe(before);
    vi.advanceTimersByTime(1);
    expect(acme.slices).toBe(before + 1);
  });

  it('waits while records are still being added, then warms', async () => {
    const acme = timeline(2);
    const warmer = new IdleWarmer(() => acme, 250);
    let done!: () => void;
    warmer.heard('acme');
    warmer.during(new Promise<void>((resolve) => (done = resolve)));
    vi.advanceTimersByTime(10_000);
    expect(acme.slices).toBe(0);
    done();
    await vi.advanceTimersByTimeAsync(250);
    vi.runAllTimers();
    expect(acme.slices).toBe(2);
  });

  it('a failed addition ends its wait too', async () => {
    const acme = timeline(1);
    const warmer = new IdleWarmer(() => acme, 250);
    warmer.heard('acme');
    warmer.during(Promise.reject(new Error('another log was loaded')));
    await vi.advanceTimersByTimeAsync(250);
    expect(acme.slices).toBe(1);
  });
});
