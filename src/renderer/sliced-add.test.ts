import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/event';
import { addInSlices } from './sliced-add';

/** Stand-ins: `addInSlices` only passes records on, in order. */
const records = (count: number) => Array.from({ length: count }, (_, i) => ({ seq: i + 1 }) as EventRecord);

/** An add that takes about `ms` of this thread's time, as the ledger's does for a big page. */
const slowAdd = (into: number[], ms: number) => (record: EventRecord) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
  into.push(record.seq);
};

describe('addInSlices', () => {
  it('answers what waits (a question asked while a page is added) before the page is all in, and adds every record in order', async () => {
    const added: number[] = [];
    let addedWhenAnswered: number | undefined;
    setTimeout(() => (addedWhenAnswered = added.length), 0);
    const done = await addInSlices(records(2_000), slowAdd(added, 0.05), () => true);
    expect(done).toBe(true);
    expect(added).toEqual(records(2_000).map((r) => r.seq));
    // 2,000 records of 0.05 ms are about 100 ms of work: the question came in long before the last.
    expect(addedWhenAnswered).toBeGreaterThan(0);
    expect(addedWhenAnswered).toBeLessThan(2_000);
  });

  it('stops at the next pause once the records are no longer wanted (the log was loaded again), and says so', async () => {
    const added: number[] = [];
    let wanted = true;
    setTimeout(() => (wanted = false), 0);
    const done = await addInSlices(records(2_000), slowAdd(added, 0.05), () => wanted);
    expect(done).toBe(false);
    expect(added.length).toBeGreaterThan(0);
    expect(added.length).toBeLessThan(2_000);
    expect(added).toEqual(records(added.length).map((r) => r.seq));
  });

  it('adds a small batch in one go, without waiting for anything', async () => {
    const added: number[] = [];
    let answered = false;
    setTimeout(() => (answered = true), 0);
    expect(await addInSlices(records(10), slowAdd(added, 0), () => true)).toBe(true);
    expect(added).toHaveLength(10);
    expect(answered).toBe(false);
  });
});
