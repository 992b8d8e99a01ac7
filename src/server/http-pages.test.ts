/**
 * `log:read` pages of a log larger than one piece (see `Records.json`), sent as they are read: the
 * same records the service answers with, and, when a line changes on disk after the log was
 * opened, an error that names it or a connection cut short; never a complete answer that is wrong.
 * How the host treats clients that leave, stall or read slowly: `http-pages-clients.test.ts`.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLog } from '../../bench/generate';
import { apiRequest, ownHost, rawConnection, rawRead, sleep, tamper, TOKEN } from './pages.test-support';

/** The host most tests share, over a log of 3,000 records. */
let shared: Awaited<ReturnType<typeof ownHost>>;
beforeAll(async () => {
  shared = await ownHost(3_000);
});
afterAll(() => shared.stop());

/** `log:read` over HTTP: the status and the body's bytes as received, or how the connection failed. */
function read(fromSeq: number, limit: number) {
  return new Promise<{ status: number; body: string; complete: boolean }>((resolve) => {
    const body = JSON.stringify({ fromSeq, limit });
    const req = request({ host: '127.0.0.1', port: shared.port, path: '/api/log:read', method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), complete: res.complete }));
      res.on('error', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), complete: false }));
    });
    req.on('error', () => resolve({ status: 0, body: '', complete: false }));
    req.end(body);
  });
}

describe('log:read pages over HTTP', () => {
  it('sends pages of several pieces as the records the service answers with', async () => {
    const head = shared.session.current.log.ledger.head;
    for (const [fromSeq, limit] of [[1, head], [1000, 1100], [2048, 2], [head - 1, 50]] as const) {
      const reply = await read(fromSeq, limit);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toEqual({ ok: true, value: await shared.session.current['log:read']({ fromSeq, limit }) });
    }
  });

  it('refuses a page whose first piece holds a line changed on disk, naming it; a later piece cuts the answer short', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const seq = 2_500;
      tamper(shared.path, seq);
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
      tamper(own.path, 4_000);
      const refused = await rawRead(own.port, { fromSeq: 1, limit: 5_000 }, '1.0');
      refused.socket.resume();
      await refused.closed;
      expect(refused.text()).toMatch(/^HTTP\/1\.1 422/);
      expect(JSON.parse(refused.text().split('\r\n\r\n')[1]!).error.message).toMatch(/^line 4000 of .* changed on disk/);
    } finally {
      await own.stop();
    }
  }, 60_000);

  for (const version of ['0.9', '2.0']) {
    it(`gives an HTTP/${version} request line (no chunks either, as Node answers it) a page whole, never one whose end is the connection's`, async () => {
      const own = await ownHost(20_000);
      try {
        tamper(own.path, 15_000); // in a later piece, not the first
        const client = await rawConnection(own.port, apiRequest(own.port, 'log:read', { fromSeq: 1, limit: 20_000 }, { version }));
        client.socket.resume();
        await client.closed;
        const [head, body] = client.text().split('\r\n\r\n');
        expect(head).toMatch(/^HTTP\/1\.1 422/);
        expect(JSON.parse(body!).error.message).toMatch(/^line 15000 of .* changed on disk/);
      } finally {
        await own.stop();
      }
    }, 60_000);
  }
});
