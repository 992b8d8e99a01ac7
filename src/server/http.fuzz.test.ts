/**
 * Fuzzes the web host over real sockets: random request lines, headers, framings and bodies, with
 * and without the token. Every request must get a well-formed HTTP status (or, for bytes that are
 * not HTTP, a closed socket), never a 5xx, and the host must serve a good request after each batch
 * and leave the log untouched. fast-check prints the seed of a failing run, to replay it.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operations } from '../core/contract';
import { rawExchange, stillServing, type RawAnswer } from './raw-http.test-support';
import { startScratchHost, type ScratchHost } from './scratch-host.test-support';

let host: ScratchHost;
let logBefore: Buffer;
beforeAll(async () => {
  // Short timeouts, so that a request whose body never comes is cut off in well under a second.
  host = await startScratchHost({ maxBodyBytes: 1 << 20, headersTimeoutMs: 400, requestTimeoutMs: 800, timeoutCheckIntervalMs: 50 });
  logBefore = readFileSync(host.logPath);
});
afterAll(() => host.stop());

const percentBytes = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }).map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const segment = fc.oneof(
  fc.constantFrom('..', '.', '%2e%2e', '%2E.', 'assets', 'index.html', 'app.js', '%2f', '%5C', '\\', '%00', '%c0%ae', '%', '%e0%a4%a', '%ff', '~', '?x=%ff', ''),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
  fc.string({ unit: 'binary-ascii', maxLength: 8 }),
  percentBytes,
);
// Each dimension is mostly plausible, so that a request usually gets past the parser and the
// first checks and reaches the code behind them.
const path = fc.oneof(
  { weight: 3, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`) },
  { weight: 4, arbitrary: fc.constantFrom(...operations, 'log:drop', '__proto__', 'constructor', '').map((op) => `/api/${op}`) },
  fc.integer({ min: 1_000, max: 40_000 }).map((n) => `/${'a'.repeat(n)}`),
  fc.constantFrom('*', 'http://attacker.example/', '//evil', 'index.html', ''),
);
const method = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('GET', 'POST') }, fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'BREW', 'get', 'G ET', ''), fc.string({ unit: 'binary-ascii', maxLength: 6 }));

type Framing = 'honest' | 'none' | 'smaller' | 'larger' | 'chunked' | 'both';
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const body = fc.oneof(
  fc.constantFrom('', '{}', '{not json', 'null', '[]', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"events":[{"__proto__":{"type":"log.created"}}]}'),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? ''),
  fc.record({ events: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }) }).map((v) => JSON.stringify(v)),
  fc.record({ jsonl: fc.string({ maxLength: 200 }) }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 1_000, max: 200_000 }).map(deep),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => `{"events":[${deep(n)}]}`),
  fc.integer({ min: 100_000, max: 1_200_000 }).map((n) => JSON.stringify({ jsonl: 'x'.repeat(n) })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

function headerSet(port: number) {
  const ours = `127.0.0.1:${port}`;
  return fc.record(
    {
      // Mostly our own Host and token, so that most requests get past the first checks.
      host: fc.oneof({ weight: 6, arbitrary: fc.constant(ours) }, fc.constantFrom(`localhost:${port}`, 'attacker.example', `127.0.0.1:${port + 1}`, '', `${ours}, attacker.example`), fc.string({ maxLength: 20 })),
      origin: fc.constantFrom(`http://${ours}`, 'http://attacker.example', 'null', ''),
      authorization: fc.oneof({ weight: 4, arbitrary: fc.constant(`Bearer ${host.token}`) }, fc.constantFrom('Bearer nope', 'Bearer ', `Basic ${host.token}`, `Bearer ${host.token}x`), fc.string({ maxLength: 40 })),
      'content-type': fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'),
    },
    { requiredKeys: ['host'] },
  );
}
const oddHeaders = fc.oneof(
  { weight: 6, arbitrary: fc.constant({}) },
  fc.record({ 'x-huge': fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'h'.repeat(n)) }),
  fc.record({ 'x-odd': fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.dictionary(fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 80 }),
);

function rawRequest(m: string, p: string, headers: Record<string, string>, text: string, framing: Framing): string {
  const length = Buffer.byteLength(text);
  const framed: Record<Framing, [string, string]> = {
    honest: [`content-length: ${length}\r\n`, text],
    none: ['', text],
    smaller: [`content-length: ${Math.max(0, length - 3)}\r\n`, text],
    larger: [`content-length: ${length + 10}\r\n`, text],
    chunked: ['transfer-encoding: chunked\r\n', `${length.toString(16)}\r\n${text}\r\n0\r\n\r\n`],
    both: [`content-length: ${length}\r\ntransfer-encoding: chunked\r\n`, text],
  };
  const [framingHeader, payload] = framed[framing];
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `${m} ${p} HTTP/1.1\r\n${lines.join('')}${framingHeader}\r\n${payload}`;
}

/** Why an answer is not acceptable, or undefined when it is. */
function judge(answer: RawAnswer): string | undefined {
  if (answer.timedOut) return 'no answer and no close';
  if (answer.status === undefined) return answer.text === '' && answer.closed ? undefined : `malformed answer ${JSON.stringify(answer.text.slice(0, 80))}`;
  if (answer.status >= 500) return `server error ${answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4, 400)}`;
  return undefined;
}

it('answers every raw request with a well-formed status and keeps serving', async () => {
  const framing = fc.constantFrom<Framing>('honest', 'honest', 'honest', 'honest', 'none', 'smaller', 'larger', 'chunked', 'both');
  const one = fc.record({ method, path, headers: fc.tuple(headerSet(host.port), oddHeaders).map(([a, b]) => ({ ...b, ...a })), body, framing });
  const seen = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(one, { minLength: 1, maxLength: 5 }), async (batch) => {
      const answers = await Promise.all(batch.map((r) => rawExchange(host.port, [rawRequest(r.method, r.path, r.headers, r.body, r.framing)], { waitMs: 4_000, headOnly: r.method === 'HEAD' })));
      for (const a of answers) seen.set(String(a.status ?? (a.closed ? 'closed' : 'timeout')), (seen.get(String(a.status ?? (a.closed ? 'closed' : 'timeout'))) ?? 0) + 1);
      answers.forEach((answer, i) => expect(judge(answer), `${batch[i]!.method} ${batch[i]!.path.slice(0, 80)} ${batch[i]!.framing}`).toBeUndefined());
      expect(await stillServing(host.port, host.token)).toBeUndefined();
    }),
    { numRuns: 60 },
  );
  if (process.env.FUZZ_STATS) console.log('answers seen:', JSON.stringify(Object.fromEntries(seen)));
  expect(readFileSync(host.logPath)).toEqual(logBefore);
}, 120_000);

/** Through Node's own client, with the token: what a buggy or hostile page could really send. */
function call(operation: string, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
    const req = request({ host: '127.0.0.1', port: host.port, path: `/api/${operation}`, method: 'POST', headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(text);
  });
}

it('answers fuzzed arguments to every operation with 2xx or 4xx and changes no history', async () => {
  const args = fc.oneof(fc.jsonValue({ maxDepth: 5 }), fc.dictionary(fc.constantFrom('events', 'jsonl', 'fromSeq', 'limit', 'at', 'knownAt', 'company', 'from', 'to', '__proto__'), fc.jsonValue({ maxDepth: 4 })));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...operations), args, async (operation, value) => {
      const status = await call(operation, JSON.stringify(value) ?? '');
      expect(status, `${operation} ${JSON.stringify(value)?.slice(0, 200)}`).toBeLessThan(500);
    }),
    { numRuns: 300 },
  );
  expect(await stillServing(host.port, host.token)).toBeUndefined();
  expect(readFileSync(host.logPath)).toEqual(logBefore);
}, 120_000);
