/**
 * Web host abuse: each trial is one abusive request to a live host on a scratch copy of the
 * built-in dataset. A trial passes when the host answers with the expected status class, still
 * serves a good request afterwards, and (for API calls with bad arguments) left the log on disk
 * byte for byte as it was. The full run uses about 2,000 trials.
 */
import { readFileSync } from 'node:fs';
import { operations, type Operation } from '../../src/core/contract';
import { rawExchange, requestText, stillServing, type RawAnswer, type RawOptions } from '../../src/server/raw-http.test-support';
import { startScratchHost, type ScratchHost } from '../../src/server/scratch-host.test-support';
import { prng, runTrials, type Campaign } from './campaign';

/**
 * The production mechanisms with smaller numbers, so that a trial is quick: a 64 KiB body limit (an
 * oversized body costs nothing to send) and sub-second timeouts (a slow client is cut off fast, yet
 * a good request on a busy shared machine still gets its headers in well within 500 ms). What is
 * tested is the same code: the limits are options of createWebHost.
 */
const LIMITS = { maxBodyBytes: 64 << 10, headersTimeoutMs: 500, requestTimeoutMs: 1_000, timeoutCheckIntervalMs: 50 };

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const bytes = (random: Random, n: number) => Buffer.from(Array.from({ length: n }, () => int(random, 0, 255)));

/** What a trial sends, and which answers count as holding. */
interface Abuse {
  chunks: (string | Buffer)[];
  options?: RawOptions;
  /** Why the answer is wrong, or undefined when it is what the host should say. */
  judge: (answer: RawAnswer) => string | undefined;
  /** The log must be byte-identical afterwards. */
  touchesLog?: boolean;
}

const expectStatus = (allowed: (status: number) => boolean, label: string, closeOk = false) => (answer: RawAnswer) => {
  if (answer.status !== undefined) return allowed(answer.status) ? undefined : `answered ${answer.status}, expected ${label}: ${answer.text.slice(0, 200)}`;
  if (closeOk && answer.closed) return undefined;
  return answer.timedOut ? `no answer (expected ${label})` : `closed without an answer (expected ${label})`;
};
const clientError = (status: number) => status >= 400 && status < 500;

/** Segments that make any path refused: bad percent-encoding, encoded separators, NUL, backslash. */
const MALFORMED_SEGMENTS = ['%ff', '%', '%E0%A4%A', '%c0%ae', '%zz', '%2f', '%5c', '%00', '\\', '..%2f..', '%c3%28', 'a%2Fb'];
const DOT_DOTS = ['..', '%2e%2e', '%2E.', '.%2e'];
const FOREIGN_HOSTS = ['attacker.example', 'localhost', '127.0.0.1', '127.0.0.1:1', 'localhost.attacker.example', '[::1]', '0.0.0.0', 'evil.com:80'];
const FOREIGN_ORIGINS = ['http://attacker.example', 'null', 'https://127.0.0.1', 'http://localhost', 'file://', 'http://127.0.0.1.attacker.example'];
const BAD_TIMES = ['noon', '2023-13-45T00:00:00Z', '', 12345, null, '2023-11-17', { at: 1 }, '9999999-01-01T00:00:00Z'];

/** A plausible new event, then one change that makes it invalid by construction. */
function brokenEvent(random: Random): unknown {
  const event: Record<string, unknown> = {
    type: 'board.joined',
    subject: 'openai',
    time: '2023-11-29T12:00:00-08:00',
    data: { certainty: 'confirmed', person: { id: 'bret-taylor', name: 'Bret Taylor' }, citation: { document: 'x', quote: 'y' } },
  };
  const breaks: (() => void)[] = [
    () => delete (event.data as Record<string, unknown>).citation,
    () => (event.type = pick(random, ['board.exploded', '', 'log.created', 42, '__proto__'])),
    () => (event.time = pick(random, BAD_TIMES)),
    () => (event.subject = pick(random, ['Not A Slug', '', '../etc', 7])),
    () => (event.data = pick(random, [null, 'text', [], { certainty: 'rumoured' }])),
    () => (event.specversion = '0.3'),
  ];
  pick(random, breaks)();
  return event;
}

/** Arguments that no operation accepts: wrong shapes, bad values, unknown and prototype keys. */
function badArguments(random: Random, operation: Operation): string {
  const deep = int(random, 1_000, 50_000);
  const generic = ['{not json', '[]', '"text"', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', `{"x":${'['.repeat(deep)}${']'.repeat(deep)}}`, '{"unknown":1}'];
  // Every operation, so a new one cannot go untortured: the type names them all.
  const specific: Record<Operation, () => unknown> = {
    'log:summary': () => ({ [pick(random, ['x', 'path', 'toString'])]: 1 }),
    'log:opening': () => ({ [pick(random, ['read', '__proto__', 'valueOf'])]: 1 }),
    'log:read': () => ({ fromSeq: pick(random, [0, -1, 1.5, '1', null]), limit: pick(random, [0, 50_001, -5, 'ten', 1]) }),
    'log:append': () => pick(random, [{ events: [] }, { events: 'none' }, { events: [brokenEvent(random)] }, { events: [brokenEvent(random), brokenEvent(random)] }]),
    'log:import': () => ({ jsonl: pick(random, ['', '{', 'not json\n', `${JSON.stringify(brokenEvent(random))}\n`, 5]) }),
    'snapshot:build': () => ({ at: pick(random, BAD_TIMES), ...(random() < 0.5 ? { company: 'Not a slug' } : {}) }),
    'diff:between': () => ({ from: pick(random, BAD_TIMES), to: '2023-11-22T00:00:00Z' }),
    'bookmarks:list': () => ({ [pick(random, ['x', '__proto__', 'all'])]: 1 }),
    'bookmarks:add': () => ({ bookmark: pick(random, ['none', [], { name: '' }, { name: 'a\u202e', company: 'openai', at: '2023-11-17T12:00:00Z' }, { name: 'x', company: 'Not A Slug', at: 'noon' }, { name: '__proto__', company: 'openai', at: '2023-11-17T12:00:00Z', extra: 1 }]) }),
    'bookmarks:remove': () => ({ name: pick(random, ['', 5, null, 'x'.repeat(81), ['Firing']]) }),
    'log:changes': () => ({ sinceSeq: pick(random, [-1, 1.5, 'one', null]), ...(random() < 0.5 ? { timeoutMs: pick(random, [-1, 'soon', 10 ** 9]) } : {}) }),
  };
  return random() < 0.3 ? pick(random, generic) : JSON.stringify(specific[operation]());
}

function abuse(random: Random, host: ScratchHost): Abuse {
  const ours = `127.0.0.1:${host.port}`;
  const api = (op: string, headers: Record<string, string>, body: string) =>
    requestText('POST', `/api/${op}`, { host: ours, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers }, body);
  const bearer = { authorization: `Bearer ${host.token}` };
  const kinds: (() => Abuse)[] = [
    () => {
      // At least one malformed segment, among plausible ones, so that no path is a real file.
      const parts = Array.from({ length: int(random, 0, 3) }, () => pick(random, [...MALFORMED_SEGMENTS, 'assets', 'index.html']));
      parts.splice(int(random, 0, parts.length), 0, pick(random, MALFORMED_SEGMENTS));
      const path = `/${parts.join('/')}`;
      return { chunks: [requestText('GET', path, { host: ours })], judge: expectStatus(clientError, '4xx') };
    },
    () => {
      // Climbs out of the static folder (one level more than it went down), then names a file.
      const down = int(random, 0, 2);
      const path = `/${[...Array<string>(down).fill('assets'), ...Array.from({ length: down + int(random, 1, 3) }, () => pick(random, DOT_DOTS)), pick(random, ['secret.txt', 'log.jsonl', 'etc/passwd'])].join('/')}`;
      return { chunks: [requestText('GET', path, { host: ours })], judge: expectStatus(clientError, '4xx') };
    },
    () => ({ chunks: [requestText('GET', `/assets/${bytes(random, int(random, 1, 8)).toString('hex').replace(/../g, '%$&')}`, { host: ours })], judge: expectStatus(clientError, '4xx') }),
    () => ({ chunks: [api('log:summary', { ...bearer, host: pick(random, FOREIGN_HOSTS) }, '{}')], judge: expectStatus((s) => s === 421, '421') }),
    () => ({ chunks: [api(pick(random, operations), { ...bearer, origin: pick(random, FOREIGN_ORIGINS) }, '{}')], judge: expectStatus((s) => s === 403, '403') }),
    () => {
      const authorization = pick(random, [undefined, 'Bearer nope', 'Bearer ', `Basic ${host.token}`, `Bearer ${host.token}x`, `Bearer ${host.token.slice(1)}`, host.token, `Token ${host.token}`]);
      return { chunks: [api(pick(random, operations), authorization ? { authorization } : {}, '{}')], judge: expectStatus((s) => s === 401, '401') };
    },
    () => ({
      chunks: [requestText('POST', '/api/log:import', { host: ours, ...bearer, 'content-length': String(LIMITS.maxBodyBytes + int(random, 1, 1 << 30)) })],
      options: { untilClosed: true },
      judge: expectStatus((s) => s === 413, '413'),
    }),
    () => {
      const chunk = (n: number) => `${n.toString(16)}\r\n${'x'.repeat(n)}\r\n`;
      const head = requestText('POST', '/api/log:import', { host: ours, ...bearer, 'transfer-encoding': 'chunked' });
      return { chunks: [head, ...Array.from({ length: 5 }, () => chunk(LIMITS.maxBodyBytes / 4))], options: { untilClosed: true, gapMs: 5 }, judge: expectStatus((s) => s === 413, '413') };
    },
    () => ({ chunks: [...requestText('GET', '/', { host: ours, 'x-slow': 'y'.repeat(100) })], options: { gapMs: 25, untilClosed: true }, judge: expectStatus((s) => s === 408, '408') }),
    () => ({
      chunks: [requestText('POST', '/api/log:summary', { host: ours, ...bearer, 'content-length': '100' }), ...'{'.repeat(60)],
      options: { gapMs: 25, untilClosed: true },
      judge: expectStatus((s) => s === 408 || s === 400, '408 or 400', true),
    }),
    () => ({ chunks: [bytes(random, int(random, 1, 2_000))], options: { untilClosed: true, waitMs: 2_000 }, judge: expectStatus((s) => s === 400 || s === 408, '400 or 408', true) }),
    () => {
      const operation = pick(random, operations);
      return { chunks: [api(operation, bearer, badArguments(random, operation))], judge: expectStatus(clientError, '4xx'), touchesLog: true };
    },
  ];
  // Bad arguments are the richest trial, so they get a larger share; the slow ones a smaller one.
  const weights = [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 6];
  let roll = random() * weights.reduce((a, b) => a + b);
  const index = weights.findIndex((w) => (roll -= w) < 0);
  return kinds[index]!();
}

export const webCampaign: Campaign = async ({ trials, seed }) => {
  const host = await startScratchHost(LIMITS);
  try {
    const logBefore = readFileSync(host.logPath);
    return await runTrials('web host abuse', trials, async (index) => {
      const random = prng(seed * 1_000_003 + index);
      const trial = abuse(random, host);
      const answer = await rawExchange(host.port, trial.chunks, { waitMs: 3_000, ...trial.options });
      const replay = `seed ${seed}, ${JSON.stringify(Buffer.concat(trial.chunks.map((c) => Buffer.from(c))).toString('latin1').slice(0, 160))}`;
      const wrong = trial.judge(answer) ?? (await stillServing(host.port, host.token));
      if (wrong) return `${wrong} (${replay})`;
      if (trial.touchesLog && !readFileSync(host.logPath).equals(logBefore)) return `the log on disk changed (${replay})`;
      return undefined;
    });
  } finally {
    await host.stop();
  }
};
