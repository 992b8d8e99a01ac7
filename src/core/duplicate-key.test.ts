import { describe, expect, it } from 'vitest';
import { duplicateKey } from './duplicate-key';

describe('duplicateKey: a key one object names twice, which JSON.parse would drop silently', () => {
  it('finds one at the top, or nested in objects and arrays, with the keys leading to it', () => {
    expect(duplicateKey('{"id":"a","time":"x","time":"y"}')).toBe('time');
    expect(duplicateKey('{"data":{"person":{"id":"a","name":"A","id":"b"}}}')).toBe('data.person.id');
    expect(duplicateKey('{"data":{"demands":[{"a":1},{"a":2,"a":3}]}}')).toBe('data.demands.a');
    expect(duplicateKey('[{"id":"a"},{"id":"b","id":"c"}]')).toBe('id');
  });

  it('reads keys as JSON.parse does: escapes, prototype names, quotes and braces inside strings', () => {
    expect(duplicateKey('{"time":"x","\\u0074ime":"y"}')).toBe('time');
    expect(duplicateKey('{"__proto__":1,"__proto__":2}')).toBe('__proto__');
    expect(duplicateKey('{"a":"\\"b\\":{\\"c\\",","b":"}{,[","c":["a","a"],"d":{"a":1}}')).toBeUndefined();
    expect(duplicateKey('{"a\\\\":1,"a":2}')).toBeUndefined();
    expect(duplicateKey('{"v":"q\\\\","w":"\\"","v":3}')).toBe('v');
  });

  it('passes the same key in sibling objects, and values that repeat', () => {
    expect(duplicateKey('{"person":{"id":"a"},"other":{"id":"a"},"list":[{"id":1},{"id":1}]}')).toBeUndefined();
    expect(duplicateKey('"time"')).toBeUndefined();
    expect(duplicateKey('{}')).toBeUndefined();
  });

  it('finds whatever duplicate JSON.parse would drop, in generated objects', () => {
    for (let n = 0; n < 200; n++) {
      const keys = Array.from({ length: 1 + (n % 7) }, (_, i) => ['id', 'time', 'data', '"q"', 'ü', '\u2028'][(n * 7 + i * 3) % 6]!);
      const text = `{"outer":{${keys.map((key, i) => `${JSON.stringify(key)}:${i}`).join(',')}}}`;
      const kept = Object.keys((JSON.parse(text) as { outer: object }).outer).length;
      expect(duplicateKey(text) !== undefined, text).toBe(kept < keys.length);
    }
  });
});
