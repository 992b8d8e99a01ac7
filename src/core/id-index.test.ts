import { describe, expect, it } from 'vitest';
import { consistentIdIndex, IdIndex } from './id-index';

/** A table over `ids` (record n has ids[n - 1]), filled in order. */
function tableOf(ids: string[], seed?: number) {
  const index = new IdIndex((seq) => ids[seq - 1]!, ...(seed === undefined ? [] : [{ seed }]));
  ids.forEach((id, i) => index.set(id, i + 1));
  return index;
}

describe('the id index', () => {
  const ids = [...Array.from({ length: 5_000 }, (_, i) => `evt-${i + 1}`), '__proto__', 'toString', 'constructor', 'hasOwnProperty', 'x'.repeat(300), 'é', '😀', '', ' evt-1'];

  it('finds every id at its record, and no other, through growth and prototype names', () => {
    const index = tableOf(ids);
    ids.forEach((id, i) => expect(index.get(id)).toBe(i + 1));
    for (const absent of ['evt-0', 'evt-5001', 'EVT-1', 'evt-1 ', 'valueOf', '__proto__ ', '😁']) expect(index.get(absent)).toBeUndefined();
    // A hand-made log's revision may name no target, or a number.
    for (const odd of [undefined, null, 42, {}]) expect(index.get(odd as unknown as string)).toBeUndefined();
  });

  it('confirms a matching hash with the record’s own id, so it never answers with another record', () => {
    const real = [...ids];
    const index = new IdIndex((seq) => real[seq - 1]!);
    ids.forEach((id, i) => index.set(id, i + 1));
    real[41] = 'changed';
    expect(index.get(ids[41]!)).toBeUndefined();
    expect(index.get('changed')).toBeUndefined();
  });

  it('is taken over from its stored form as it was, and goes on growing from there', () => {
    const stored = tableOf(ids.slice(0, 3_000), 12345).exportIndex();
    expect(consistentIdIndex(stored, 3_000)).toBe(true);
    const resumed = new IdIndex((seq) => ids[seq - 1]!, stored);
    ids.slice(3_000).forEach((id, i) => resumed.set(id, 3_001 + i));
    ids.forEach((id, i) => expect(resumed.get(id)).toBe(i + 1));
    // Made in one go or resumed, with one seed, the table is the same: what verify compares.
    expect(resumed.exportIndex()).toEqual(tableOf(ids, 12345).exportIndex());
  });

  it('seeds each new table at random, so a log cannot be written to make its ids collide', () => {
    const seeds = new Set(Array.from({ length: 8 }, () => tableOf([]).exportIndex().seed));
    expect(seeds.size).toBe(8);
  });

  it('refuses a stored table that lookups could not end in, or that does not hold the ledger’s records', () => {
    const stored = () => tableOf(ids.slice(0, 400), 7).exportIndex();
    expect(consistentIdIndex(stored(), 400)).toBe(true);
    expect(consistentIdIndex(stored(), 401)).toBe(false);
    const full = stored();
    full.seqs.fill(1);
    expect(consistentIdIndex(full, full.seqs.length)).toBe(false);
    const beyond = stored();
    beyond.seqs[beyond.seqs.indexOf(0)] = 401;
    expect(consistentIdIndex(beyond, 400)).toBe(false);
    // Its count says one fewer than it holds.
    expect(consistentIdIndex({ ...stored(), count: 399 }, 399)).toBe(false);
    const odd = stored();
    expect(consistentIdIndex({ ...odd, hashes: odd.hashes.subarray(1), seqs: odd.seqs.subarray(1) }, 400)).toBe(false);
  });
});
