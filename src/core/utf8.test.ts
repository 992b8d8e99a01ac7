import { describe, expect, it } from 'vitest';
import { IncumbentError } from './errors';
import { decodeUtf8 } from './utf8';

const refusal = (bytes: Uint8Array) => {
  try {
    decodeUtf8(bytes, 'the input', 'INPUT');
  } catch (error) {
    if (error instanceof IncumbentError) return error.toData();
    throw error;
  }
  throw new Error('accepted');
};

describe('decodeUtf8', () => {
  it('reads UTF-8, keeping a byte order mark for the readers that refuse one', () => {
    expect(decodeUtf8(Buffer.from('René\n“quoted”\n'), 'x')).toBe('René\n“quoted”\n');
    expect(decodeUtf8(Buffer.from('\ufeff{}'), 'x')).toBe('\ufeff{}');
  });

  it.each([
    ['Latin-1 on line 2', Buffer.concat([Buffer.from('{"ok":1}\n{"name":"Ren'), Buffer.from([0xe9]), Buffer.from('"}\n')]), 2],
    ['an overlong encoding of "/" on line 1', Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]), 1],
    ['a lone surrogate encoded on the last line, without a newline', Buffer.concat([Buffer.from('a\nb\n'), Buffer.from([0xed, 0xa0, 0x80])]), 3],
  ])('refuses %s, naming the line', (_case, bytes, line) => {
    expect(refusal(bytes)).toEqual({ code: 'invalid', field: 'INPUT', message: `the input is not UTF-8 (line ${line} is not): save it as UTF-8 and try again` });
  });
});
