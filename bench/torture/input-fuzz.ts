/**
 * Fuzzed input to the append entry points (the CLI's `append` and the service's import, which the
 * app's import and the web host call): valid events mutated at random. Every input that breaks a
 * rule must be refused with a named field, leaving the log and its anchor byte-identical; an input
 * that happens to be valid must append and leave a log that verifies.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { verifyLog } from '../../src/cli/verify';
import { toAppError } from '../../src/core/errors';
import { openService } from '../../src/service/service';
import { prng, runTrials, type Campaign } from './campaign';
import { buildLog, fingerprint, removeDir, sampleDraft, tempDir } from './fixtures';

type Json = Record<string, unknown>;
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Every object inside a value, with the path to it. */
function objectsIn(value: unknown, path: string[] = []): { at: Json; path: string[] }[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return [{ at: value as Json, path }, ...Object.entries(value as Json).flatMap(([k, v]) => objectsIn(v, [...path, k]))];
}

const WRONG = [null, 42, -1.5, '', 'x', true, [], {}, [1, 2], 'NaN', '9'.repeat(400)];
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const BAD_TEXT = ['\u0000', '\u0007bell', 'a\u202Eevil', '\u200B\u200B', '\u2066x\u2069', 'x'.repeat(5_000_000)];

/** Mutations that break a rule: each must be refused. */
const breaking: Record<string, (event: Json, random: () => number) => void> = {
  'a required field removed': (event, random) => {
    const { at } = pick(random, objectsIn(event).filter(({ at }) => Object.keys(at).length > 0));
    const key = pick(random, Object.keys(at).filter((k) => !['interim', 'acting', 'timeprecision', 'timezone', 'specversion', 'source', 'datacontenttype', 'title', 'url', 'independent', 'demands', 'id', 'medium', 'replaces'].includes(k)));
    if (key) delete at[key];
    else event.type = 'no.such.type';
  },
  'a field of the wrong type': (event, random) => {
    const { at } = pick(random, objectsIn(event).filter(({ at }) => Object.keys(at).length > 0));
    const key = pick(random, Object.keys(at).filter((k) => k !== 'id'));
    // Only values of another JSON type: a different string may well be a valid one.
    const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    at[key] = pick(random, WRONG.filter((w) => kindOf(w) !== kindOf(at[key])));
  },
  'an unknown key, at any depth': (event, random) => {
    // defineProperty: `at.__proto__ = x` would set the prototype instead of adding a key to the JSON.
    Object.defineProperty(pick(random, objectsIn(event)).at, pick(random, ['extra', ...HOSTILE_KEYS]), { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
  },
  'a bad time, zone or precision': (event, random) => {
    const [field, value] = pick(random, [['time', '2023-13-01T00:00:00Z'], ['time', '2023-11-17 12:00'], ['time', 'yesterday'], ['timezone', 'Mars/Olympus'], ['timeprecision', 'fortnight'], ['time', '2023-11-17T12:00:00']] as const);
    event[field] = value;
  },
  'control, bidi or invisible characters, or a huge string, in a name': (event, random) => {
    const data = event.data as Json;
    const person = data.person as Json | undefined;
    if (person) person.name = pick(random, BAD_TEXT);
    else data.citation = { ...(data.citation as Json), document: pick(random, BAD_TEXT) };
  },
  'a citation URL that is not http(s)': (event, random) => {
    (event.data as Json).citation = { ...((event.data as Json).citation as Json), url: pick(random, ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'ftp://x/y']) };
  },
  'an id reused with other content': (event) => {
    event.id = 'e-0';
  },
  'the log-created type': (event) => {
    event.type = 'log.created';
  },
  'a correction of an event that does not exist': (event) => {
    Object.assign(event, { type: 'event.retracted', data: { target: 'no-such-event', reason: 'wrong', citation: { document: 'd', quote: 'q' } } });
  },
};

export const inputFuzzCampaign: Campaign = async ({ trials, seed }) => {
  const dir = tempDir('fuzz');
  const random = prng(seed);
  try {
    const path = await buildLog(dir, [4, 4]);
    const names = Object.keys(breaking);
    let fresh = 0;
    return await runTrials('fuzzed input (CLI append, import)', trials, async (i) => {
      const size = 1 + Math.floor(random() * 4);
      const events = Array.from({ length: size }, () => JSON.parse(JSON.stringify(sampleDraft(`fuzz-${seed}-${fresh++}`, fresh))) as Json);
      const victim = Math.floor(random() * size);
      const name = pick(random, names);
      breaking[name]!(events[victim]!, random);
      const jsonl = events.map((e) => JSON.stringify(e)).join('\n') + (random() < 0.1 ? '\n{not json' : '');
      const before = fingerprint(path);
      const viaCli = i % 2 === 0;
      const { refused, field } = viaCli ? await appendWithCli(dir, path, jsonl) : await importWithService(path, jsonl);
      if (!refused) {
        await verifyLog(path);
        return `${name} (event ${victim + 1} of ${size}) was accepted via ${viaCli ? 'the CLI' : 'import'}`;
      }
      if (fingerprint(path) !== before) return `${name}: refused, but the log changed`;
      if (!field) return `${name}: refused without naming the field`;
      return undefined;
    });
  } finally {
    removeDir(dir);
  }
};

async function appendWithCli(dir: string, path: string, jsonl: string) {
  const input = join(dir, 'input.jsonl');
  writeFileSync(input, jsonl);
  let err = '';
  const code = await main(['append', '--log', path, input], { out: () => undefined, err: (t) => void (err += t), readStdin: async () => '' });
  const field = /^incumbent append: (event \d+(\.[\w.]+)?|line \d+):/.exec(err)?.[1];
  return { refused: code === 1, field };
}

async function importWithService(path: string, jsonl: string) {
  const service = await openService(path, { appVersion: 'fuzz' });
  try {
    await service['log:import']({ jsonl });
    return { refused: false, field: undefined };
  } catch (error) {
    const e = toAppError(error);
    return { refused: e.code === 'invalid' || e.code === 'conflict', field: e.field };
  } finally {
    service.close();
  }
}
