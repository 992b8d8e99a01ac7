/**
 * A yes-or-unsure pass compiled from a zod schema, for checking a log's every record (`verify`, a
 * log opened without its anchor). It gives zod's output only when zod's own parse would succeed,
 * and NOT_SURE otherwise; the caller then asks zod, for the verdict and its message.
 *
 * Why: at a million records most of zod's time went to its machinery around each node (a result
 * per node, issue lists, abort bookkeeping), not to the rules. This runs the same rules, each
 * check's own `_zod.check`, on the same values, in one function per object generated from the
 * schema (as zod and Ajv generate theirs). It is never more lenient than zod: a node of a kind it
 * does not know, or with a setting it was not written for, is handed to zod whole; a check that
 * finds any issue, or throws, makes the answer NOT_SURE; and a check zod would skip (after an
 * abort) is run anyway, which can only refuse more. `fast-accept.test.ts` compares the two.
 * Only the schema's structure goes into the generated source, never a value being checked.
 */
import { z } from 'zod';

export const NOT_SURE: unique symbol = Symbol('not sure');
type Accept = (value: unknown) => unknown;
interface Check {
  _zod: { check(payload: { value: unknown; issues: unknown[] }): unknown; def: { when?: (payload: unknown) => boolean } };
}
interface Node {
  _zod: { def: Record<string, unknown> & { type: string; checks?: Check[] }; traits: Set<string>; values?: Set<unknown>; optin?: string; optout?: string };
  safeParse(value: unknown): { success: boolean; data?: unknown };
}

/** The settings each kind of node may have, beyond its checks; any other sends the node to zod whole. */
const KNOWN_SETTINGS: Record<string, readonly string[]> = {
  string: ['format', 'check', 'abort', 'pattern', 'error', 'offset', 'local', 'precision', 'protocol'],
  number: ['format', 'check', 'abort', 'error'],
  boolean: [],
  literal: ['values'],
  enum: ['entries'],
  optional: ['innerType'],
  default: ['innerType', 'defaultValue'],
  array: ['element'],
  object: ['shape', 'catchall'],
  union: ['options', 'discriminator', 'inclusive'],
};

/** zod's own `when` of a length check: true for any string or array, all that reaches a check here. */
const LENGTH_WHEN = (z.string().max(1)._zod.def.checks![0] as unknown as Check)._zod.def.when;

const knows = (def: Node['_zod']['def']) => {
  const settings = KNOWN_SETTINGS[def.type];
  return settings !== undefined && Object.keys(def).every((key) => key === 'type' || key === 'checks' || settings.includes(key));
};

/** Writes one generated function: `refs` holds what its source names as r[i] (checks, sets, other functions). */
class Writer {
  readonly refs: unknown[] = [];
  #names = 0;
  ref(value: unknown): string {
    this.refs.push(value);
    return `r[${this.refs.length - 1}]`;
  }
  name(): string {
    return `v${this.#names++}`;
  }
}

/**
 * Source that checks the value named `input` and leaves zod's output in `output` (declared by the
 * caller), or returns NOT_SURE (`n`) from the generated function.
 */
function emit(node: Node, input: string, output: string, w: Writer): string {
  const def = node._zod.def;
  if (!knows(def)) return emitByZod(node, input, output, w);
  // A string format (an ISO time, a URL) is a check itself, run before the others, as zod runs it.
  const checks = [...(node._zod.traits.has('$ZodCheck') ? [node as unknown as Check] : []), ...(def.checks ?? [])];
  const base = emitBase(node, input, output, w);
  if (base === undefined) return emitByZod(node, input, output, w);
  // An async check's verdict comes later (zod's parse throws on it); one with a `when` runs only where zod runs it.
  const run = checks.map((check) => {
    const when = check._zod.def.when;
    const result = w.name();
    const call = `{ const ${result} = ${w.ref(check)}._zod.check(s); if (s.issues.length || ${result} instanceof Promise) return n; }`;
    return when === undefined || when === LENGTH_WHEN ? call : `if (${w.ref(when)}(s)) ${call}`;
  });
  return checks.length === 0 ? base : `${base}\ns.value = ${output}; if (s.issues.length) s.issues = [];\n${run.join('\n')}\n${output} = s.value;`;
}

function emitBase(node: Node, input: string, output: string, w: Writer): string | undefined {
  const def = node._zod.def;
  const take = (test: string) => `if (!(${test})) return n; ${output} = ${input};`;
  switch (def.type) {
    case 'string':
      return take(`typeof ${input} === 'string'`);
    case 'number':
      return take(`typeof ${input} === 'number' && Number.isFinite(${input})`);
    case 'boolean':
      return take(`typeof ${input} === 'boolean'`);
    case 'literal':
    case 'enum':
      // zod's own set of values: an enum of numbers also has its names as keys, which zod refuses.
      return node._zod.values && take(`${w.ref(node._zod.values)}.has(${input})`);
    case 'optional':
      // zod gives an absent value to an inner default, which fills it in.
      if ((def.innerType as Node)._zod.optin === 'defaulted') return undefined;
      return `if (${input} === undefined) ${output} = undefined; else {\n${emit(def.innerType as Node, input, output, w)}\n}`;
    case 'default':
      // Read anew each time, as zod does (its getter copies the default); an inner output of undefined is replaced too.
      return `if (${input} === undefined) ${output} = ${w.ref(def)}.defaultValue; else {\n${emit(def.innerType as Node, input, output, w)}\nif (${output} === undefined) ${output} = ${w.ref(def)}.defaultValue; }`;
    case 'array': {
      const [i, given, item] = [w.name(), w.name(), w.name()];
      return `if (!Array.isArray(${input})) return n; ${output} = new Array(${input}.length);
for (let ${i} = 0; ${i} < ${input}.length; ${i}++) { const ${given} = ${input}[${i}]; let ${item};\n${emit(def.element as Node, given, item, w)}\n${output}[${i}] = ${item}; }`;
    }
    case 'object':
      return emitObject(def.shape as Record<string, Node>, def.catchall as Node | undefined, input, output, w);
    case 'union':
      return emitUnion(def.options as Node[], def.discriminator as string | undefined, input, output, w);
  }
  return undefined;
}

function emitObject(shape: Record<string, Node>, catchall: Node | undefined, input: string, output: string, w: Writer): string | undefined {
  // Strict (unknown keys refused) or stripping (dropped); a catchall that parses the rest goes to zod.
  const strict = catchall?._zod.def.type === 'never';
  if (catchall && !strict) return undefined;
  const keys = Object.keys(shape);
  // zod checks a symbol key (absent from JSON, so refused) and skips a `__proto__` key: left to zod.
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) return undefined;
  const lines = [`if (typeof ${input} !== 'object' || ${input} === null || Array.isArray(${input})) return n;`];
  if (strict) lines.push(`for (const key in ${input}) if (!${w.ref(new Set(keys))}.has(key)) return n;`);
  lines.push(`${output} = {};`);
  for (const key of keys) {
    const [field, given, value] = [JSON.stringify(key), w.name(), w.name()];
    const { optin, optout } = shape[key]!._zod;
    // zod's presence is `key in input`; a value read as undefined is the only one that can be absent.
    const present = `(${given} !== undefined || ${field} in ${input})`;
    lines.push(`{ const ${given} = ${input}[${field}]; let ${value};`);
    // A key that is not optional must be there, even where its schema takes undefined (z.unknown()).
    if (optin === undefined) lines.push(`if (!${present}) return n;`);
    lines.push(emit(shape[key]!, given, value, w));
    // As zod's output: an absent optional key stays absent; a default is kept even when undefined.
    const keep = optin === undefined || (optin === 'defaulted' && optout !== 'optional') ? '' : optin === 'optional' && optout === 'optional' ? `if ${present} ` : `if (${value} !== undefined || ${present}) `;
    lines.push(`${keep}${output}[${field}] = ${value}; }`);
  }
  return lines.join('\n');
}

/** A union by a discriminating key: the option whose literal it names, as zod tries no other. */
function emitUnion(options: Node[], discriminator: string | undefined, input: string, output: string, w: Writer): string | undefined {
  if (discriminator === undefined) return undefined;
  const byValue = new Map<unknown, Accept>();
  for (const option of options) {
    const key = (option._zod.def.shape as Record<string, Node> | undefined)?.[discriminator]?._zod.def;
    if (key?.type !== 'literal') return undefined;
    const accept = generate(option);
    for (const literal of key.values as unknown[]) byValue.set(literal, accept);
  }
  const chosen = w.name();
  return `if (typeof ${input} !== 'object' || ${input} === null) return n;
const ${chosen} = ${w.ref(byValue)}.get(${input}[${JSON.stringify(discriminator)}]); if (!${chosen}) return n;
${output} = ${chosen}(${input}); if (${output} === n) return n;`;
}

function emitByZod(node: Node, input: string, output: string, w: Writer): string {
  const result = w.name();
  return `const ${result} = ${w.ref(node)}.safeParse(${input}); if (!${result}.success) return n; ${output} = ${result}.data;`;
}

/** One generated function for `node` (each option of a union gets its own). */
function generate(node: Node): Accept {
  const w = new Writer();
  // The checks' payload `s` is one per call, shared by its checks in turn: a check that calls this
  // function again (reentrant) gets its own, and cannot overwrite the value the caller reads back.
  const body = `const s = { value: undefined, issues: [] }; let out;\n${emit(node, 'input', 'out', w)}\nreturn out;`;
  const make = new Function('r', 'n', `return function accept(input) {\n${body}\n};`) as (r: unknown[], n: symbol) => Accept;
  return make(w.refs, NOT_SURE);
}

/**
 * The compiled pass for `schema`: zod's output for a value zod accepts, or NOT_SURE. Where code
 * cannot be generated (a page whose content security policy forbids it), every answer is zod's.
 */
export function fastAccept<T>(schema: z.ZodType<T>): (value: unknown) => T | typeof NOT_SURE {
  let accept: Accept;
  try {
    accept = generate(schema as unknown as Node);
  } catch {
    return (value) => {
      const result = schema.safeParse(value);
      return result.success ? result.data : NOT_SURE;
    };
  }
  return (value) => {
    try {
      return accept(value) as T | typeof NOT_SURE;
    } catch {
      return NOT_SURE;
    }
  };
}
