import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { LogSession } from '../service/session';
import { createWebHost } from './http';
import { CSP } from '../core/content-security-policy';

const TOKEN = 'test-token-123';
const dir = mkdtempSync(join(tmpdir(), 'incumbent-http-'));
const staticDir = join(dir, 'static');
const logPath = join(dir, 'log.jsonl');
const session = new LogSession({ appVersion: 'test' });
const server = createWebHost({ handlers: session.handlers(), readJson: session.readJson, staticDir, token: TOKEN });
let port = 0;

beforeAll(async () => {
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Incumbent</title>');
  writeFileSync(join(dir, 'secret.txt'), 'not for the web');
  copyFileSync(BUILT_IN_LOG, logPath);
  await session.open(logPath);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  session.close();
});

/** A raw request, so that tests can send any Host header. */
function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
const api = (operation: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => call(`/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('web host', () => {
  it('listens on loopback only', () => {
    expect((server.address() as AddressInfo).address).toBe('127.0.0.1');
  });

  it('serves the page with a strict CSP, and nothing outside its folder', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP);
    expect((await call('/../secret.txt')).status).not.toBe(200);
    expect((await call('/%2e%2e/secret.txt')).status).toBe(403);
  });

  it('refuses API calls without the token, with a wrong one, or from a foreign host or origin', async () => {
    expect((await api('log:summary', {}, {})).status).toBe(401);
    expect((await api('log:summary', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await call('/api/log:summary', { method: 'POST', headers: { host: 'attacker.example', authorization: `Bearer ${TOKEN}` }, body: '{}' })).status).toBe(421);
    expect((await api('log:summary', {}, { authorization: `Bearer ${TOKEN}`, origin: 'http://attacker.example' })).status).toBe(403);
  });

  it('serves the contract with the token', async () => {
    const reply = await api('log:summary', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { title: 'OpenAI leadership crisis, November 2023', companies: [{ id: 'openai', name: 'OpenAI' }] } });
  });

  it('validates arguments and returns errors as data naming the field', async () => {
    const bad = await api('snapshot:build', { at: 'noon' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid', field: 'at' } });
    expect((await api('log:read', { fromSeq: 0, limit: 10 })).status).toBe(400);
    // A comparison read backwards is refused, and a time that is no time is named, not compared (a thrown RangeError was a 500).
    const diff = async (from: string, to: string) => JSON.parse((await api('diff:between', { company: 'openai', from, to })).body);
    expect(await diff('2023-11-20T00:00:00Z', '2023-11-19T00:00:00Z')).toMatchObject({ ok: false, error: { code: 'invalid', field: 'to', message: expect.stringContaining('is before from') } });
    expect(await diff('noon', '2023-11-19T00:00:00Z')).toMatchObject({ ok: false, error: { code: 'invalid', field: 'from' } });
    expect((await api('log:drop', {})).status).toBe(404);
    // Desktop-only operations do not exist here: a page cannot make the host connect to a database it names.
    for (const desktopOnly of ['file:openShared', 'file:openRecent', 'file:open']) expect((await api(desktopOnly, { url: 'postgres://a@evil.example/x?log=y', path: '/etc/passwd' })).status).toBe(404);
    expect((await call('/api/log:summary', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: '{not json' })).status).toBe(400);
  });

  it('sends log:read pages as the records stored, the same as the service answers, before and after an append', async () => {
    const head = session.current.log.ledger.head;
    const page = async (fromSeq: number, limit: number) => {
      const reply = await api('log:read', { fromSeq, limit });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ ok: true, value: await session.current['log:read']({ fromSeq, limit }) });
    };
    for (const [fromSeq, limit] of [[1, 1], [1, 7], [5, head], [head, 3], [head + 4, 2]] as const) await page(fromSeq, limit);
    const citation = { document: 'https://example.com/a', quote: 'q' };
    const appended = await session.current['log:append']({ events: [{ type: 'board.joined', subject: 'openai', time: '2023-11-29T12:00:00-08:00', timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation, person: { id: 'http-test', name: 'Test Person' } } }] });
    expect(appended.appended).toHaveLength(1);
    // One page across the records read from the file and the one appended since.
    await page(head - 2, 10);
    await page(head + 1, 1);
  });

  it('appends nothing when an appended event is invalid, and names it', async () => {
    const before = readFileSync(logPath);
    const reply = await api('log:append', { events: [{ type: 'board.joined', subject: 'openai', time: '2023-11-29T12:00:00-08:00', data: { certainty: 'confirmed', person: { id: 'bret-taylor', name: 'Bret Taylor' } } }] });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { field: 'events.0.data.citation' } });
    expect(readFileSync(logPath)).toEqual(before);
  });
});
