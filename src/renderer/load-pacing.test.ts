import { expect, it } from 'vitest';
import { asksAgain } from './load-pacing';

it("asks the page's questions again at the first page, then only once the records loaded have doubled", () => {
  expect(asksAgain(500, 0)).toBe(true);
  expect(asksAgain(999, 500)).toBe(false);
  expect(asksAgain(1_000, 500)).toBe(true);
  expect(asksAgain(199_999, 100_000)).toBe(false);
});
