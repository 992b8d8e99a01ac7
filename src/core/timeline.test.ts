import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effective } from './evolve';
import { Timeline } from './timeline';

/**
 * The timeline's index against a naive model (a sorted list): back-dated inserts wait to be merged
 * and hides of waiting entries wait with them, yet every read sees the sorted, hidden-from-correct
 * entries. (Written by a review of the deferred merge.)
 */
describe('Timeline index (property)', () => {
  it('orders, counts and hides as a sorted list would, whenever it is read', () => {
    const op = fc.oneof(
      { weight: 6, arbitrary: fc.record({ k: fc.constant('insert' as const), time: fc.integer({ min: 0, max: 20 }) }) },
      { weight: 3, arbitrary: fc.record({ k: fc.constant('hide' as const), which: fc.nat(), back: fc.nat({ max: 3 }) }) },
      { weight: 2, arbitrary: fc.record({ k: fc.constant('read' as const) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const timeline = new Timeline('acme', { of: (seq) => ({ seq }) as Effective, prefetch: () => undefined, readOnce: () => new Map() }, { checkpointing: false });
        const model: { time: number; seq: number; hiddenFrom: number }[] = [];
        let seq = 0;
        const check = () => {
          const sorted = [...model].sort((a, b) => a.time - b.time || a.seq - b.seq);
          expect(timeline.length).toBe(sorted.length);
          sorted.forEach((entry, i) => {
            expect([timeline.times[i], timeline.effectAt(i).seq]).toEqual([entry.time, entry.seq]);
            for (let s = 0; s <= seq + 1; s++) expect(timeline.visibleAt(i, s)).toBe(entry.seq <= s && s < entry.hiddenFrom);
          });
          for (let time = -1; time <= 21; time++) expect(timeline.countUntil(time)).toBe(sorted.filter((entry) => entry.time <= time).length);
        };
        for (const o of ops) {
          if (o.k === 'insert') {
            seq += 1;
            timeline.insert(seq, o.time);
            model.push({ time: o.time, seq, hiddenFrom: Infinity });
          } else if (o.k === 'hide' && model.length > 0) {
            seq += 1;
            const entry = model[o.which % model.length]!;
            const fromSeq = Math.max(entry.seq, seq - o.back);
            timeline.hide(entry.time, entry.seq, fromSeq);
            entry.hiddenFrom = Math.min(entry.hiddenFrom, fromSeq);
          } else if (o.k === 'read') check();
        }
        check();
      }),
      { numRuns: 500 },
    );
  });
});
