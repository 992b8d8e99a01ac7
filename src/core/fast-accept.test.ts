import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EventRecordSchema } from './event';
import { fastAccept, NOT_SURE } from './fast-accept';
import { eventTypes } from './vocabulary';

const datasets = ['data/openai-2023-11.jsonl', 'data/twitter-2021-2023.jsonl'];
const records: Record<string, unknown>[] = datasets.flatMap((path) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line)),
);
// The datasets retract nothing, and name no followed company.
const first = records[0]!;
records.push(
  { ...first, id: 'r-1', type: 'event.retracted', subject: 'openai', seq: 900, data: { target: 'x', reason: 'Wrong person', citation: { document: 'A note', quote: 'It was not him.' } } },
  { ...first, data: { title: 'A log', company: { id: 'acme', name: 'Acme' } } },
);
const accept = fastAccept(EventRecordSchema);

describe('fastAccept', () => {
  it('takes every record of the built-in datasets, of every event type, with zod’s own output', () => {
    expect(new Set(records.map((record) => record.type)).size).toBe(eventTypes.length);
    for (const record of records) expect(accept(record)).toEqual(EventRecordSchema.parse(record));
  });

  /** What a careless or hostile writer puts in a field. */
  const oddValues = fc.constantFrom<unknown>(
    '', ' ', '\u200b', 'a\u0000b', 'a\u202eb', 'line\nbreak', ' padded ', '\ud800', 'x'.repeat(3_000), 'https://x.example', 'javascript:alert(1)',
    'UTC', 'PST', 'Mars/Olympus', '2023-11-17T12:00:00Z', '2023-11-17T12:00:00', '2023-02-30T00:00:00Z', 'confirmed', 'fired',
    0, -1, 1.5, 2 ** 53, Number.MAX_VALUE, true, false, null, [], [1], {}, { id: 'a-b', name: 'A B' },
  );
  const oddKeys = fc.constantFrom('__proto__', 'constructor', 'toString', 'extra', 'Time', 'interim', 'batchend');

  /** One change somewhere in a record: a field removed, replaced, or one added, at any depth. */
  const mutated = fc
    .record({ record: fc.constantFrom(...records), steps: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), action: fc.nat(2), value: oddValues, key: oddKeys })
    .map(({ record, steps, action, value, key }) => {
      const copy = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      let holder: Record<string, unknown> = copy;
      for (const step of steps) {
        const keys = Object.keys(holder).filter((name) => typeof holder[name] === 'object' && holder[name] !== null);
        if (keys.length === 0 || step % 3 === 0) break;
        holder = holder[keys[step % keys.length]!] as Record<string, unknown>;
      }
      const names = Object.keys(holder);
      const name = names[steps[0]! % Math.max(names.length, 1)];
      if (action === 0 && name !== undefined) delete holder[name];
      else if (action === 1 && name !== undefined) holder[name] = value;
      // An own key even for `__proto__`, as JSON.parse makes it from a log line.
      else Object.defineProperty(holder, key, { value, enumerable: true, writable: true, configurable: true });
      return copy;
    });

  it('never accepts what zod refuses, and gives zod’s output for what it accepts (fuzzed records)', () => {
    const seen = { accepted: 0, unsure: 0 };
    fc.assert(
      fc.property(mutated, (record) => {
        const fast = accept(record);
        const zod = EventRecordSchema.safeParse(record);
        if (fast === NOT_SURE) {
          seen.unsure += 1;
          return;
        }
        seen.accepted += 1;
        expect(zod.success).toBe(true);
        expect(fast).toEqual(zod.data);
      }),
      { numRuns: 3_000 },
    );
    // Both ways were taken: the comparison was not empty on either side.
    expect(seen.accepted).toBeGreaterThan(100);
    expect(seen.unsure).toBeGreaterThan(100);
  });

  it('hands zod what it was not written for, and is unsure where a check throws', () => {
    const schema = z.strictObject({ n: z.string().transform((text) => text.length), tags: z.record(z.string(), z.number()), u: z.union([z.string(), z.number()]) });
    const value = { n: 'four', tags: { a: 1 }, u: 3 };
    expect(fastAccept(schema)(value)).toEqual({ n: 4, tags: { a: 1 }, u: 3 });
    expect(fastAccept(schema)({ ...value, tags: { a: 'one' } })).toBe(NOT_SURE);
    const throwing = z.string().refine(() => {
      throw new Error('a rule that breaks');
    });
    expect(fastAccept(throwing)('text')).toBe(NOT_SURE);
  });

  it('applies trims and defaults as zod does, and refuses unknown keys of a strict object', () => {
    const schema = z.strictObject({ name: z.string().trim().min(1), flag: z.boolean().default(false), note: z.string().optional() });
    expect(fastAccept(schema)({ name: '  Ada ' })).toEqual({ name: 'Ada', flag: false });
    expect(fastAccept(schema)({ name: '   ' })).toBe(NOT_SURE);
    expect(fastAccept(schema)(JSON.parse('{"name":"Ada","__proto__":{"flag":true}}'))).toBe(NOT_SURE);
  });
});

/** Schemas the record schema does not use, where a compiled pass once answered where zod would not, or otherwise. */
describe('fastAccept, where zod is subtle', () => {
  enum Numbered {
    A,
    B,
  }
  // A check that changes the value, and that zod runs only where its `when` says (here nowhere).
  const upper = z.overwrite((text: string) => text.toUpperCase());
  upper._zod.def.when = () => false;
  const when = z.string().check(upper);
  const cases: [string, z.ZodType, unknown][] = [
    ['an enum of numbers (its names are keys, not values)', z.strictObject({ e: z.enum(Numbered) }), { e: 'A' }],
    ['an absent key whose schema takes undefined', z.strictObject({ a: z.unknown(), b: z.string() }), { b: 'x' }],
    ['a symbol key, which JSON never has', z.strictObject({ [Symbol('k')]: z.string(), b: z.string() } as never), { b: 'x' }],
    ['a default over an inner output of undefined', z.strictObject({ a: z.string().transform((): string | undefined => undefined).default('d') }), { a: 'x' }],
    ['an optional default, absent', z.strictObject({ a: z.string().default('d').optional() }), {}],
    ['a declared __proto__ key', z.strictObject({ ['__proto__']: z.strictObject({ x: z.string() }) }), JSON.parse('{"__proto__":{"x":"y"}}')],
    ['a check zod skips by its `when`', z.strictObject({ a: when }), { a: 'x' }],
  ];
  for (const [name, schema, value] of cases) {
    it(name, () => {
      const fast = fastAccept(schema)(value);
      const zod = schema.safeParse(value);
      if (fast === NOT_SURE) return;
      expect(zod.success).toBe(true);
      expect(fast).toEqual(zod.data);
      expect(Object.getPrototypeOf(fast)).toBe(Object.getPrototypeOf(zod.data));
    });
  }

  it('is unsure of an async check (zod’s parse throws on it)', () => {
    expect(fastAccept(z.string().refine(async () => false))('x')).toBe(NOT_SURE);
  });

  it('keeps a check’s value when the check calls the same pass again', () => {
    let again: ((value: unknown) => unknown) | undefined;
    const schema = z.string().trim().refine((text) => {
      const inner = again;
      again = undefined; // once only
      return (inner === undefined || inner('  other  ') === 'other') && text.length > 0;
    });
    again = fastAccept(schema);
    expect(again(' mine ')).toBe('mine');
  });
});
