import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('gives values back smallest key first, whatever the order they went in', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(null))), (steps) => {
        const heap = new MinHeap<number>();
        const model: number[] = [];
        for (const step of steps) {
          if (step === null) {
            model.sort((a, b) => a - b);
            expect(heap.peekKey()).toBe(model[0] ?? Infinity);
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(step, step);
            model.push(step);
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });
});
