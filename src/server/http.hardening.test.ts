import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { MAX_IMPORT_CHARS, type Handlers } from '../core/contract';
import { createWebHost, HOST_LIMITS } from './http';
import { rawExchange, requestText, stillServing } from './raw-http.test-support';
import { startScratchHost, type ScratchHost } from './scratch-host.test-support';

let prod: ScratchHost;
let quick: ScratchHost;
beforeAll(async () => {
  prod = await startScratchHost();
  quick = await startScratchHost({ maxBodyBytes: 1024, headersTimeoutMs: 300, requestTimeoutMs: 600, timeoutCheckIntervalMs: 50 });
});
afterAll(async () => {
  await prod.stop();
  await quick.stop();
});

const get = (host: ScratchHost, path: string) => rawExchange(host.port, [requestText('GET', path, { host: `127.0.0.1:${host.port}` })]);
const errorOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { ok: boolean; error: { code: string; message: string; field?: string } };

describe('web host under malformed requests', () => {
  it.each(['/%ff', '/%', '/%E0%A4%A', '/assets/%c0%ae', '/%zz/index.html'])('answers the malformed path %s with 400 and keeps serving', async (path) => {
    const answer = await get(prod, path);
    expect(answer.status).toBe(400);
    expect(errorOf(answer.text)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await stillServing(prod.port, prod.token)).toBeUndefined();
  });

  it.each([
    ['/%00', 400],
    ['/index.html%00.js', 400],
    ['/%5c..%5csecret.txt', 400],
    ['/..\\secret.txt', 400],
    ['/..%2fsecret.txt', 400],
    ['/assets%2F..%2F..%2Fsecret.txt', 400],
    ['/../secret.txt', 403],
    ['/assets/../../secret.txt', 403],
    ['/%2e%2e/secret.txt', 403],
    ['/no-such-file.js', 404],
    ['/assets', 404],
    [`/${'a'.repeat(8000)}`, 404],
  ])('refuses the static path %s with %i', async (path, status) => {
    expect((await get(prod, path)).status).toBe(status);
  });

  it('serves no file through a link that leads out of the static folder', async () => {
    symlinkSync(join(prod.dir, 'secret.txt'), join(prod.dir, 'static', 'leak.txt'));
    expect((await get(prod, '/leak.txt')).status).toBe(404);
    expect((await get(prod, '/assets/app.js')).status).toBe(200);
  });

  it('answers other methods with 405 and says which one is allowed', async () => {
    const host = `127.0.0.1:${prod.port}`;
    const put = await rawExchange(prod.port, [requestText('PUT', '/index.html', { host, 'content-length': '2' }, 'hi')]);
    expect(put.status).toBe(405);
    expect(put.text).toMatch(/\r\nallow: GET, HEAD\r\n/i);
    const del = await rawExchange(prod.port, [requestText('DELETE', '/api/log:summary', { host, authorization: `Bearer ${prod.token}` })]);
    expect(del.status).toBe(405);
    expect(del.text).toMatch(/\r\nallow: POST\r\n/i);
  });

  it('answers bytes that are not HTTP with a JSON 400 and hangs up', async () => {
    for (const garbage of ['hello\r\n\r\n', 'GET / HTTP/9.9\r\n\r\n', 'BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n', '\x00\x01\x02\xff\r\n\r\n', 'GET /\x00 HTTP/1.1\r\n\r\n']) {
      const answer = await rawExchange(prod.port, [garbage], { untilClosed: true });
      expect(answer.status, JSON.stringify(garbage)).toBe(400);
      expect(errorOf(answer.text).error.code).toBe('invalid');
      expect(answer.closed).toBe(true);
    }
    expect(await stillServing(prod.port, prod.token)).toBeUndefined();
  });

  it('answers oversized headers with 431', async () => {
    const answer = await rawExchange(prod.port, [requestText('GET', '/', { host: `127.0.0.1:${prod.port}`, 'x-padding': 'x'.repeat(HOST_LIMITS.maxHeaderBytes) })]);
    expect(answer.status).toBe(431);
  });

  it('names the field at fault in every refusal, whatever refused it', async () => {
    const host = `127.0.0.1:${prod.port}`;
    const auth = `Bearer ${prod.token}`;
    const post = (path: string, headers: Record<string, string>) => requestText('POST', path, { 'content-length': '2', ...headers }, '{}');
    const refusals: [string, string, number, string][] = [
      ['a foreign Host', post('/api/log:summary', { host: 'attacker.example', authorization: auth }), 421, 'host'],
      ['another origin', post('/api/log:summary', { host, authorization: auth, origin: 'http://attacker.example' }), 403, 'origin'],
      ['no token', post('/api/log:summary', { host }), 401, 'authorization'],
      ['a wrong token', post('/api/log:summary', { host, authorization: 'Bearer nope' }), 401, 'authorization'],
      ['no such operation', post('/api/toString', { host, authorization: auth }), 404, 'operation'],
      ['GET on the API', requestText('GET', '/api/log:summary', { host, authorization: auth }), 405, 'method'],
      ['POST on a page', post('/index.html', { host }), 405, 'method'],
      ['a missing file', requestText('GET', '/missing.js', { host }), 404, 'path'],
      ['bytes that are not HTTP', 'hello\r\n\r\n', 400, 'request'],
      ['oversized headers', requestText('GET', '/', { host, 'x-padding': 'x'.repeat(HOST_LIMITS.maxHeaderBytes) }), 431, 'headers'],
    ];
    for (const [what, request, status, field] of refusals) {
      const answer = await rawExchange(prod.port, [request]);
      expect(answer.status, what).toBe(status);
      expect(errorOf(answer.text).error, what).toMatchObject({ code: expect.any(String), field });
    }
    expect(await stillServing(prod.port, prod.token)).toBeUndefined();
  });

  it('takes the token only as a Bearer credential, its scheme named in any case', async () => {
    const host = `127.0.0.1:${prod.port}`;
    const statusWith = async (authorization: string) => (await rawExchange(prod.port, [requestText('POST', '/api/log:summary', { host, authorization, 'content-length': '2' }, '{}')])).status;
    for (const refused of [prod.token, `Basic ${prod.token}`, `Token ${prod.token}`, `Bearer${prod.token}`, `Bearer ${prod.token} extra`, `xBearer ${prod.token}`]) expect(await statusWith(refused), refused).toBe(401);
    for (const taken of [`Bearer ${prod.token}`, `bearer ${prod.token}`, `BEARER  ${prod.token}`]) expect(await statusWith(taken), taken).toBe(200);
  });
});

describe('web host body limits', () => {
  const apiHead = (host: ScratchHost, headers: Record<string, string>) =>
    requestText('POST', '/api/log:import', { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json', ...headers });

  it('refuses a declared Content-Length over the production limit with 413 before reading the body', async () => {
    const started = performance.now();
    const answer = await rawExchange(prod.port, [apiHead(prod, { 'content-length': String(HOST_LIMITS.maxBodyBytes + 1) })], { untilClosed: true, waitMs: 3_000 });
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(errorOf(answer.text).error.message).toMatch(/incumbent append/);
  });

  it('refuses a chunked body the moment it passes the limit, and closes the connection', async () => {
    const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;
    const answer = await rawExchange(quick.port, [apiHead(quick, { 'transfer-encoding': 'chunked' }), chunk('x'.repeat(800)), chunk('y'.repeat(800))], { gapMs: 20, untilClosed: true, waitMs: 3_000 });
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
    expect(await stillServing(quick.port, quick.token)).toBeUndefined();
  });

  it('the body limit carries the longest import the contract accepts, of text like the dataset', () => {
    const text = readFileSync(BUILT_IN_LOG, 'utf8');
    const bodyBytesPerChar = Buffer.byteLength(JSON.stringify({ jsonl: text })) / text.length;
    expect(MAX_IMPORT_CHARS * bodyBytesPerChar).toBeLessThan(HOST_LIMITS.maxBodyBytes);
  });
});

describe('web host timeouts', () => {
  it('cuts off a client that sends its headers one byte at a time (slow loris)', async () => {
    const bytes = [...requestText('GET', '/', { host: `127.0.0.1:${quick.port}`, 'x-slow': 'y'.repeat(200) })];
    const started = performance.now();
    const answer = await rawExchange(quick.port, bytes, { gapMs: 25, untilClosed: true, waitMs: 4_000 });
    expect(answer.status).toBe(408);
    expect(answer.closed).toBe(true);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(await stillServing(quick.port, quick.token)).toBeUndefined();
  });

  it('cuts off a body that trickles in slower than the request timeout allows', async () => {
    const head = requestText('POST', '/api/log:summary', { host: `127.0.0.1:${quick.port}`, authorization: `Bearer ${quick.token}`, 'content-length': '200' });
    const answer = await rawExchange(quick.port, [head, ...'{'.repeat(100)], { gapMs: 25, untilClosed: true, waitMs: 4_000 });
    expect(answer.closed).toBe(true);
    expect([408, undefined]).toContain(answer.status);
  });
});

describe('web host failure mechanism', () => {
  it('turns any throw or rejection of a handler into a 500 without a stack; the stack goes to the console', async () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => {});
    const failing = { 'log:summary': async () => { throw new TypeError('boom'); }, 'log:read': () => Promise.reject('a bare string') } as unknown as Handlers;
    const server = createWebHost({ handlers: failing, staticDir: quick.dir, token: 't' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const call = (op: string, body: string) => rawExchange(port, [requestText('POST', `/api/${op}`, { host: `127.0.0.1:${port}`, authorization: 'Bearer t', 'content-length': String(body.length) }, body)]);
    const thrown = await call('log:summary', '{}');
    expect(thrown.status).toBe(500);
    expect(errorOf(thrown.text)).toEqual({ ok: false, error: { code: 'io', message: 'boom' } });
    expect(thrown.text).not.toMatch(/\bat .*\.ts:\d+/);
    expect((await call('log:read', '{"fromSeq":1,"limit":1}')).status).toBe(500);
    expect(console).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'boom' }));
    console.mockRestore();
    server.close();
  });
});
