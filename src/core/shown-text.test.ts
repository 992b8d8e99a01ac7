import { expect, it } from 'vitest';
import { shownText, shownValue } from './shown-text';

it('shows control, bidi and noncharacters, and half surrogate pairs, as U+FFFD; leaves the rest, pairs and emoji included', () => {
  expect(shownText('Bob\u0001 \u202eeeL nnA\u2066x\u2069\ufffe')).toBe('Bob\ufffd \ufffdeeL nnA\ufffdx\ufffd\ufffd');
  expect(shownText('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
  expect(shownText('Zoë 山田 \u{1F600} \u05d0\u05d1')).toBe('Zoë 山田 \u{1F600} \u05d0\u05d1');
});

it('gives back the same object when nothing changes, and a copy with only the strings changed when something does', () => {
  const clean = { person: { name: 'Ann' }, parties: ['A', 'B'], count: 3 };
  expect(shownValue(clean)).toBe(clean);
  const hostile = { person: { name: 'Bob\u202e' }, parties: ['A', 'B\u0002'], count: 3, open: null };
  expect(shownValue(hostile)).toEqual({ person: { name: 'Bob\ufffd' }, parties: ['A', 'B\ufffd'], count: 3, open: null });
  expect(hostile.person.name).toBe('Bob\u202e');
});

it('keeps a "__proto__" key a key: the copy never takes a prototype from the data', () => {
  const parsed = JSON.parse('{"__proto__": {"polluted": "x\\u0001"}, "name": "n"}') as Record<string, unknown>;
  const shown = shownValue(parsed) as Record<string, unknown>;
  expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(shown, '__proto__')?.value).toEqual({ polluted: 'x\ufffd' });
  expect((shown as { polluted?: unknown }).polluted).toBeUndefined();
});
