/**
 * As known at a time before the log knew anything of the company (or of a company it follows with
 * no fact yet), the page said "The chair is vacant" and drew an empty board: no coverage was taken
 * for a state known to be empty. The CLI's snapshot leaves such a company out.
 */
import { describe, expect, it } from 'vitest';
import { isCovered, type MomentState } from './replay-protocol';

const at = Date.parse('2024-08-10T10:00:00Z');
const state = (coverageFrom: MomentState['coverageFrom']) => ({ at, coverageFrom }) as MomentState;

describe('isCovered', () => {
  it('is true from the coverage start on, and false before it', () => {
    expect(isCovered(state({ time: at - 1, precision: 'day', timezone: 'UTC' }))).toBe(true);
    expect(isCovered(state({ time: at + 1, precision: 'day', timezone: 'UTC' }))).toBe(false);
  });

  it('is false when the log knows no fact of the company at all: nothing is known to be empty', () => {
    expect(isCovered(state(null))).toBe(false);
  });
});
