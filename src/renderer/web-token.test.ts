import { describe, expect, it } from 'vitest';
import { tokenIn, withoutToken } from './web-token';

describe('the web token in the address', () => {
  it('is the whole token= part, wherever it stands', () => {
    expect(tokenIn('#token=abc-DEF_1')).toBe('abc-DEF_1');
    expect(tokenIn('#company=openai&token=abc&at=2023-11-18')).toBe('abc');
    expect(withoutToken('#company=openai&token=abc&at=2023-11-18')).toBe('company=openai&at=2023-11-18');
  });

  it('is not found inside another key, nor taken in another form (a crafted link must not replace the tab\'s token)', () => {
    expect(tokenIn('#company=openai&mytoken=evil')).toBeUndefined();
    expect(tokenIn('#company=notatoken=evil')).toBeUndefined();
    expect(tokenIn('#token=a%20b')).toBeUndefined();
    expect(tokenIn('#token=')).toBeUndefined();
    expect(withoutToken('#company=openai&mytoken=evil')).toBe('company=openai&mytoken=evil');
  });
});
