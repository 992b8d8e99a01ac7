/**
 * Hostile and valid IPC arguments for the fuzzed-IPC campaign (ipc.ts). Every case says what the
 * handler must answer, decided by construction: a mutation is only used where the schema is known
 * to refuse it (nested `person` and `citation` objects drop unknown keys by design, so no extra
 * keys are planted there; `seq`, `prevhash` and `recordedtime` are dropped, not refused).
 */
export type Rand = () => number;

export interface Case {
  channel: string;
  arg: unknown;
  /** `ok`: a valid input; `invalid`: refused, the field matches `field`; `not-found`: well-formed id unknown to the log. */
  expect: 'ok' | 'invalid' | 'not-found';
  field?: RegExp;
  /** Valid appends and imports change the log; every other case must leave it byte-identical. */
  writes?: boolean;
  note: string;
}

export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The field must be `path` itself or something inside it. */
const at = (path: string) => new RegExp(`^${escape(path)}($|\\.)`);

const TIMES = ['2023-11-17T12:00:00-08:00', '2023-11-18T12:00:00-08:00', '2023-11-20T00:00:00Z', '2023-11-22T23:59:00+01:00'];
/** Arrays and objects nested `depth` deep; the outermost is always an array. */
const deep = (depth: number): unknown[] => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return [value];
};
const huge = (rand: Rand) => 'x'.repeat(1 << (16 + Math.floor(rand() * 6)));
/** An own, enumerable `__proto__` key, as JSON.parse or a hostile page can make one. */
const withProtoKey = (target: Record<string, unknown>) => ({ ...target, ...JSON.parse('{"__proto__":{"polluted":true}}') });

/** Values that are wrong whatever the key expects (none of our fields takes them). */
const NEVER_VALID = [NaN, Infinity, -Infinity, null, true, 10n, new Date(0), new Map([['a', 1]]), new Set([1]), /x/, new Uint8Array(3), deep(800), [[[]]], { nested: { deeper: [] } }];
/** Not positive integers (for fields counted from 1). */
const NOT_INTS = [...NEVER_VALID, -1, 0, -0, 1.5, 2 ** 53, '1', '', []];
/** Not integers >= 0 (for fields where 0 is valid: 0 and -0 are the same number there). */
const NOT_COUNTS = NOT_INTS.filter((value) => value !== 0);
const NOT_TIMES = [...NEVER_VALID, 0, '', '2023-11-17', '2023-11-17T12:00:00', '2023-13-45T99:00:00Z', 'now', '../../etc/passwd', '\u0000', ['2023-11-17T12:00:00Z']];
const NOT_SLUGS = [...NEVER_VALID, 0, '', 'OpenAI', 'open ai', '-openai', 'a'.repeat(65), '../x', '__proto__', 'toString', 'x\u0000'];
/** Well-formed company ids that name Object.prototype members: the log must not find them. */
const PROTOTYPE_SLUGS = ['constructor', 'prototype', 'hasownproperty', 'nobody-here'];
const BAD_KEYS = ['extra', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', ' at', 'x'.repeat(4096)];

const person = { id: 'sam-altman', name: 'Sam Altman' };
const citation = { document: 'fuzz/ipc.txt', quote: 'A sentence the fuzzer made up.' };
export const statement = (id: string) => ({ id, type: 'statement.made', subject: 'openai', time: TIMES[2], data: { certainty: 'reported', citation, person, text: 'Hello.' } });
const workforce = (id: string) => ({ id, type: 'workforce.reported', subject: 'openai', time: TIMES[0], data: { certainty: 'reported', citation, headcount: 770 } });

/** For each envelope or payload field, values its schema refuses (each pool checked against the field). */
const EVENT_FIELD_WRONG: Record<string, readonly unknown[]> = {
  time: NOT_TIMES,
  subject: NOT_SLUGS,
  'data.person.id': NOT_SLUGS,
  id: [...NEVER_VALID, '', '   ', 'x'.repeat(129), 42],
  timezone: [...NEVER_VALID, '', 'Mars/Olympus', 42],
  timeprecision: [...NEVER_VALID, '', 'nanosecond'],
  specversion: [...NEVER_VALID, '', '2.0', 1],
  datacontenttype: [...NEVER_VALID, '', 'text/plain'],
  'data.certainty': [...NEVER_VALID, '', 'sure'],
  'data.citation.quote': [...NEVER_VALID, '', '   '],
};

/** One mutation of a valid event that the event schema must refuse, with where the field points. */
function badEvent(rand: Rand, id: string): { event: unknown; field: string; note: string } {
  const base = pick(rand, [statement, workforce])(id) as Record<string, unknown> & { data: Record<string, unknown> };
  const set = (path: string, value: unknown, field = path) => {
    const [first, second, third] = path.split('.') as [string, string?, string?];
    if (second === undefined) base[first] = value;
    else if (third === undefined) base.data[second] = value;
    else base.data[second] = { ...(base.data[second] as object), [third]: value };
    return { event: base, field, note: `${path} = ${preview(value)}` };
  };
  const drop = (path: string) => {
    const [first, second, third] = path.split('.') as [string, string?, string?];
    if (second === undefined) delete base[first];
    else if (third === undefined) delete base.data[second];
    else base.data[second] = Object.fromEntries(Object.entries(base.data[second] as object).filter(([key]) => key !== third));
    return { event: base, field: path === 'type' ? '' : path, note: `without ${path}` };
  };
  const isStatement = base.type === 'statement.made';
  const required = isStatement ? ['type', 'time', 'data', 'subject', 'data.citation', 'data.certainty', 'data.person', 'data.person.id', 'data.citation.quote', 'data.text'] : ['type', 'time', 'data', 'subject', 'data.headcount'];
  // Only fields this event type has: a field it lacks would be refused as unknown, one level up.
  const fields = Object.keys(EVENT_FIELD_WRONG).filter((field) => isStatement || field !== 'data.person.id');
  switch (Math.floor(rand() * 9)) {
    case 0:
      return { event: pick(rand, [null, 1, 'x', [], NaN, true, [base], deep(500)]), field: '', note: 'event is not an object' };
    case 1:
      return drop(pick(rand, required));
    case 2:
      return set('type', pick(rand, ['log.created', '__proto__', 'constructor', 'toString', 'role.assumed', 'statement.made.', 'x'.repeat(100_000), 42, null]), '');
    case 3: {
      const field = pick(rand, fields);
      return set(field, pick(rand, EVENT_FIELD_WRONG[field]!));
    }
    case 4:
      return isStatement ? set('data.text', pick(rand, [...NEVER_VALID, '', '   ', 42])) : set('data.headcount', pick(rand, NOT_INTS));
    case 5: {
      const key = pick(rand, BAD_KEYS);
      return { event: key === '__proto__' ? withProtoKey(base) : { ...base, [key]: 1 }, field: '', note: `extra event key ${preview(key)}` };
    }
    case 6: {
      const key = pick(rand, BAD_KEYS);
      base.data = key === '__proto__' ? withProtoKey(base.data) : { ...base.data, [key]: 1 };
      return { event: base, field: 'data', note: `extra data key ${preview(key)}` };
    }
    case 7:
      return set(pick(rand, isStatement ? ['data', 'data.person', 'data.citation'] : ['data', 'data.citation']), pick(rand, [[], 'sam', 0, NaN, deep(600), [person]]));
    default:
      return set('data.citation.document', pick(rand, [...NEVER_VALID, '', '  ']));
  }
}

/** A batch with one bad event among valid ones: all of it must be refused, naming the bad one. */
function badBatch(rand: Rand, fresh: () => string, channel: 'log:append' | 'log:import'): Case {
  const size = 1 + Math.floor(rand() * 4);
  const k = Math.floor(rand() * size);
  const bad = badEvent(rand, fresh());
  const events = Array.from({ length: size }, (_, i) => (i === k ? bad.event : statement(fresh())));
  const prefix = channel === 'log:append' ? `events.${k}` : `event ${k + 1}`;
  const field = new RegExp(`^${escape(prefix)}${bad.field ? `\\.${escape(bad.field)}` : ''}($|\\.)`);
  if (channel === 'log:append') return { channel, arg: { events }, expect: 'invalid', field, note: `batch of ${size}, #${k}: ${bad.note}` };
  const lines = events.map((event) => JSON.stringify(event, jsonSafe) ?? 'null');
  return { channel, arg: { jsonl: lines.join('\n') }, expect: 'invalid', field: new RegExp(`^(${escape(prefix)}|line ${k + 1})`), note: `jsonl of ${size}, #${k}: ${bad.note}` };
}

/**
 * JSON cannot carry BigInt, Dates, Maps or typed arrays, and would turn a Date or a BigInt into a
 * string that may well be valid; each becomes an object instead, which no string or number field
 * takes. (NaN and Infinity become null, which no field takes either.)
 */
function jsonSafe(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (typeof original === 'bigint' || original instanceof Date || original instanceof Map || original instanceof Set || original instanceof RegExp || ArrayBuffer.isView(original)) return { notJson: Object.prototype.toString.call(original) };
  return value;
}

/** Valid arguments for every channel (desktop ones reach a stub that records the call). */
const VALID: Record<string, (rand: Rand, fresh: () => string, head: number) => unknown> = {
  'log:summary': (rand) => pick(rand, [{}, undefined, null]),
  'log:read': (rand, _fresh, head) => ({ fromSeq: 1 + Math.floor(rand() * head), limit: 1 + Math.floor(rand() * 50_000) }),
  'log:changes': (rand, _fresh, head) => ({ sinceSeq: Math.floor(rand() * head), timeoutMs: 0 }),
  'log:append': (_rand, fresh) => ({ events: [statement(fresh())] }),
  'log:import': (_rand, fresh) => ({ jsonl: `${JSON.stringify(statement(fresh()))}\n` }),
  'snapshot:build': (rand) => ({ at: pick(rand, TIMES), company: 'openai', ...(rand() < 0.5 ? { knownAt: pick(rand, TIMES) } : {}) }),
  'diff:between': (rand) => ({ from: pick(rand, TIMES), to: pick(rand, TIMES), company: 'openai' }),
  'file:open': () => ({}),
  'file:new': () => ({}),
  'file:recent': () => ({}),
  'file:openRecent': () => ({ path: '/tmp/some.jsonl' }),
  'events:importFile': () => ({}),
  'events:save': () => ({}),
  'snapshot:save': (rand) => ({ at: pick(rand, TIMES) }),
  'snapshot:copy': (rand) => ({ at: pick(rand, TIMES), company: 'openai' }),
};
export const CHANNELS = Object.keys(VALID);
const REQUIRED: Record<string, string[]> = { 'log:read': ['fromSeq', 'limit'], 'log:changes': ['sinceSeq'], 'log:append': ['events'], 'log:import': ['jsonl'], 'snapshot:build': ['at'], 'diff:between': ['from', 'to', 'company'], 'file:openRecent': ['path'], 'snapshot:save': ['at'], 'snapshot:copy': ['at'] };

/** For each argument key, values it must refuse. */
const WRONG: Record<string, (rand: Rand) => unknown> = {
  fromSeq: (rand) => pick(rand, NOT_INTS),
  limit: (rand) => pick(rand, [...NOT_INTS, 50_001]),
  sinceSeq: (rand) => pick(rand, NOT_COUNTS),
  timeoutMs: (rand) => pick(rand, [...NOT_COUNTS, 60_001]),
  events: (rand) => pick(rand, [...NEVER_VALID.filter((value) => !Array.isArray(value)), [], { 0: {}, length: 1 }, 'events']),
  jsonl: (rand) => pick(rand, [...NEVER_VALID, '', 42, ['{}']]),
  at: (rand) => pick(rand, NOT_TIMES),
  from: (rand) => pick(rand, NOT_TIMES),
  to: (rand) => pick(rand, NOT_TIMES),
  knownAt: (rand) => pick(rand, NOT_TIMES),
  company: (rand) => pick(rand, NOT_SLUGS),
  path: (rand) => pick(rand, [...NEVER_VALID, '', 42]),
};

export function makeCase(rand: Rand, fresh: () => string, head: number): Case {
  const channel = pick(rand, CHANNELS);
  const valid = VALID[channel]!(rand, fresh, head);
  const keys = valid && typeof valid === 'object' ? Object.keys(valid) : [];
  const roll = rand();
  if (roll < 0.1) {
    const writes = channel === 'log:append' || channel === 'log:import';
    return { channel, arg: valid, expect: 'ok', writes, note: 'valid' };
  }
  if (roll < 0.2) {
    const arg = pick(rand, [42, 'args', true, NaN, Infinity, [], [valid], 10n, new Date(0), new Map([['at', TIMES[0]]]), new Set(), /x/, new Uint8Array(4), huge(rand), deep(700)]);
    return { channel, arg, expect: 'invalid', field: /^arguments$/, note: 'argument is not a plain object' };
  }
  if (roll < 0.3 && REQUIRED[channel]) {
    const key = pick(rand, REQUIRED[channel]);
    const { [key]: _dropped, ...rest } = valid as Record<string, unknown>;
    return { channel, arg: rest, expect: 'invalid', field: at(key), note: `without ${key}` };
  }
  if (roll < 0.42) {
    const key = pick(rand, BAD_KEYS);
    const base = (valid ?? {}) as Record<string, unknown>;
    return { channel, arg: key === '__proto__' ? withProtoKey(base) : { ...base, [key]: pick(rand, [1, NaN, null, huge(rand)]) }, expect: 'invalid', field: at(key), note: `extra key ${preview(key)}` };
  }
  if (roll < 0.6 && keys.some((k) => WRONG[k])) {
    const key = pick(rand, keys.filter((k) => WRONG[k]));
    const value = WRONG[key]!(rand);
    return { channel, arg: { ...(valid as object), [key]: value }, expect: 'invalid', field: key === 'jsonl' ? /^(jsonl|line 1|event 1|input)/ : at(key), note: `${key} = ${preview(value)}` };
  }
  // Not snapshot:copy: in the campaign it reaches a stub, which does not look companies up.
  if (roll < 0.66 && (channel === 'snapshot:build' || channel === 'diff:between')) {
    return { channel, arg: { ...(valid as object), company: pick(rand, PROTOTYPE_SLUGS) }, expect: 'not-found', field: /^company$/, note: 'company named like a prototype member' };
  }
  return badBatch(rand, fresh, rand() < 0.6 ? 'log:append' : 'log:import');
}

/** A short, safe description of any value (BigInt, NaN, cycles and huge strings included). */
export function preview(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 20)}…" (${value.length} chars)` : JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' || value === undefined || value === null) return String(value);
  if (value instanceof Date || value instanceof RegExp || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return Object.prototype.toString.call(value);
  try {
    const text = JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'string' && v.length > 40 ? `${v.slice(0, 20)}… (${v.length} chars)` : v));
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
