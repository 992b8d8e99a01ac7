import { describe, expect, it } from 'vitest';
import { isConfirmed } from './certainty';
import { Certainty } from './vocabulary';

describe('isConfirmed', () => {
  it('holds for confirmed only: reported, rumoured and no certainty at all are marked as less', () => {
    expect(Certainty.options.filter(isConfirmed)).toEqual(['confirmed']);
    expect(isConfirmed(undefined)).toBe(false);
  });
});
