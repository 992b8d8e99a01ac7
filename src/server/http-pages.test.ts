/**
 * `log:read` pages of a log larger than one piece (see `Records.json`), sent as they are read: the
 * same records the service answers with, and, when a line changes on disk after the log was
 * opened, an error that names it or a connection cut short; never a complete answer that is wrong.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLog } from '../../bench/generate';
import type { JsonPage } from '../core/contract';
import { LogSession } from '../service/session';
import { createWebHost, type HostLimits } from './http';

const TOKEN = 'pages-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'incumbent-pages-'));
const logPath = join(dir, 'log.jsonl');
const session = new LogSession({ appVersion: 'test' });
const server = createWebHost({ handlers: session.handlers(), readJson: session.readJson, staticDir: dir, token: TOKEN });
let port = 0;

beforeAll(async () => {
  await generateLog(logPath, 3_000, 3);
  await session.open(logPath);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  session.close();
});

/** `log:read` over HTTP: the status and the body's bytes as received, or how the connection failed. */
function read(fromSeq: number, limit: number) {
  return new Promise<{ status: number; body: string; complete: boolean }>((resolve) => {
    const body = JSON.stringify({ fromSeq, limit });
    const req = request({ host: '127.0.0.1', port, path: '/api/log:read', method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), complete: res.complete }));
      res.on('error', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), complete: false }));
    });
    req.on('error', () => resolve({ status: 0, body: '', complete: false }));
    req.end(body);
  });
}

/** Changes the first letter of the first name in line `seq`, in place (the same length: only its hash changes). */
function tamper(seq: number, path = logPath): void {
  const bytes = readFileSync(path);
  let start = 0;
  for (let line = 1; line < seq; line++) start = bytes.indexOf(10, start) + 1;
  const at = bytes.indexOf('"name":"', start) + '"name":"'.length;
  expect(at).toBeLessThan(bytes.indexOf(10, start));
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from(bytes[at] === 0x51 ? 'R' : 'Q'), 0, 1, at);
  closeSync(fd);
}

/** A host of its own over a generated log of `events` records; `wrap` sees each page it is given. */
async function ownHost(events: number, wrap: (page: JsonPage) => JsonPage | Promise<JsonPage> = (page) => page, limits: Partial<HostLimits> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-pages-'));
  const path = join(dir, 'log.jsonl');
  await generateLog(path, events, 3);
  const own = new LogSession({ appVersion: 'test' });
  await own.open(path);
  const host: Server = createWebHost({ handlers: own.handlers(), readJson: async (args) => wrap(await own.readJson(args)), staticDir: dir, token: TOKEN, limits });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const stop = async () => {
    host.closeAllConnections();
    host.close();
    await own.close();
  };
  return { dir, path, session: own, port: (host.address() as AddressInfo).port, stop };
}

/** A `log:read` over a raw socket, which reads nothing until resumed. */
async function rawRead(port: number, args: unknown, version = '1.1') {
  const body = JSON.stringify(args);
  const socket = connect({ host: '127.0.0.1', port });
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.pause();
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', () => undefined); // a cut answer is what some tests look for
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(`POST /api/log:read HTTP/${version}\r\nhost: 127.0.0.1:${port}\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  return { socket, closed, text: () => Buffer.concat(chunks).toString() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Passes a page on, counting the pieces the host reads of it, and noting whether it stopped early (`return`). */
const watching = (seen: { reads: number; returned: boolean }) => (page: JsonPage): JsonPage => ({
  head: page.head,
  records: {
    [Symbol.iterator]: () => {
      const pieces = page.records[Symbol.iterator]();
      return { next: () => (seen.reads++, pieces.next()), return: () => ((seen.returned = true), pieces.return!()) };
    },
  },
});

describe('log:read pages over HTTP', () => {
  it('sends pages of several pieces as the records the service answers with', async () => {
    const head = session.current.log.ledger.head;
    for (const [fromSeq, limit] of [[1, head], [1000, 1100], [2048, 2], [head - 1, 50]] as const) {
      const reply = await read(fromSeq, limit);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ ok: true, value: await session.current['log:read']({ fromSeq, limit }) });
    }
  });

  it('refuses a page whose first piece holds a line changed on disk, naming it; a later piece cuts the answer short', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const seq = 2_500;
      tamper(seq);
      const refused = await read(seq - 10, 20);
      expect(refused.status).toBe(422);
      expect(JSON.parse(refused.body).error.message).toMatch(new RegExp(`^line ${seq} of .* changed on disk`));
      // The first pieces are sent; the one holding the changed line is not, and the answer never ends.
      const cut = await read(1, 3_000);
      expect(cut.status).toBe(200);
      expect(cut.complete).toBe(false);
      expect(() => JSON.parse(cut.body)).toThrow();
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/could not be sent whole/), expect.objectContaining({ message: expect.stringMatching(new RegExp(`^line ${seq} of`)) }));
    } finally {
      errors.mockRestore();
    }
  });

  it('sends a page begun on one log whole when the session opens another meanwhile', async () => {
    const own = await ownHost(20_000);
    const other = join(own.dir, 'other.jsonl');
    await generateLog(other, 10, 3);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      await sleep(300); // the host has sent what the socket takes, and waits for the client
      await own.session.open(other); // closes the first log
      client.socket.resume();
      await client.closed;
      const text = client.text();
      expect(text).toMatch(/\],"head":20000\}\}\r\n0\r\n\r\n$/);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
      await own.stop();
    }
  }, 60_000);

  it('reads no further piece from disk once the client has gone', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, watching(seen));
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      for (let before = -1; before !== seen.reads; await sleep(200)) before = seen.reads; // until the host waits for the client
      const before = seen.reads;
      client.socket.destroy();
      await sleep(300);
      expect(seen.reads).toBe(before);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('stops reading a page for a client that left before its first piece was sent', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, async (page) => (await sleep(300), watching(seen)(page)));
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      await sleep(100);
      client.socket.destroy(); // while the host is still getting the page ready
      for (const deadline = Date.now() + 5_000; !seen.returned && Date.now() < deadline; ) await sleep(50);
      expect(seen.returned).toBe(true);
      expect(seen.reads).toBe(1);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('cuts off a client that stops reading, and stops reading the page for it', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, watching(seen), { sendTimeoutMs: 300 });
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      while (!seen.returned) await sleep(50); // the client reads nothing: the host gives up on it
      client.socket.resume();
      await client.closed;
      expect(client.text()).not.toMatch(/\r\n0\r\n\r\n$/);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('gives an HTTP/1.0 client (no chunked encoding, so a cut would read as the end) a page whole, or an error naming the line', async () => {
    const own = await ownHost(5_000);
    try {
      const whole = await rawRead(own.port, { fromSeq: 1, limit: 5_000 }, '1.0');
      whole.socket.resume();
      await whole.closed;
      const [head, body] = whole.text().split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 200/);
      expect(head).toMatch(/content-length: \d+/i);
      expect(JSON.parse(body!)).toEqual({ ok: true, value: await own.session.current['log:read']({ fromSeq: 1, limit: 5_000 }) });
      tamper(4_000, own.path);
      const refused = await rawRead(own.port, { fromSeq: 1, limit: 5_000 }, '1.0');
      refused.socket.resume();
      await refused.closed;
      expect(refused.text()).toMatch(/^HTTP\/1\.1 422/);
      expect(JSON.parse(refused.text().split('\r\n\r\n')[1]!).error.message).toMatch(/^line 4000 of .* changed on disk/);
    } finally {
      await own.stop();
    }
  }, 60_000);
});
