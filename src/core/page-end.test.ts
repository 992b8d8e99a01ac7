import { expect, it } from 'vitest';
import type { EventRecord } from './event';
import { pageEnd, wholeBatchEnd } from './page-end';

// Records #3-#5 one batch; the rest alone.
const ledger = { record: (seq: number) => ({ seq, ...(seq >= 3 && seq <= 5 ? { batchend: 5 } : {}) }) as EventRecord };

it('ends a page at the end of the batch it would cut, never past the last record there is to give', () => {
  expect(wholeBatchEnd(ledger, 3, 9)).toBe(5);
  expect(wholeBatchEnd(ledger, 4, 9)).toBe(5);
  expect(wholeBatchEnd(ledger, 5, 9)).toBe(5);
  expect(wholeBatchEnd(ledger, 2, 9)).toBe(2);
  expect(wholeBatchEnd(ledger, 6, 9)).toBe(6);
  // An opening that has chained only to #4 (it would not have: a batch counts once whole) gives no more.
  expect(wholeBatchEnd(ledger, 3, 4)).toBe(4);
  expect(wholeBatchEnd(ledger, 9, 9)).toBe(9);
  expect(wholeBatchEnd(ledger, 0, 9)).toBe(0);
});

it('ends a page of a whole log at its limit, the end of the batch that cuts, or the head', () => {
  const log = { ...ledger, head: 9 };
  expect(pageEnd(log, 1, 3)).toBe(5);
  expect(pageEnd(log, 1, 2)).toBe(2);
  expect(pageEnd(log, 6, 10)).toBe(9);
  expect(pageEnd(log, 10, 5)).toBe(9);
});
