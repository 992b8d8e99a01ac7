/**
 * `log:read` pages of a log larger than one piece (see `Records.json`), sent as they are read: the
 * same records the service answers with, and, when a line changes on disk after the log was
 * opened, an error that names it or a connection cut short; never a complete answer that is wrong.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLog } from '../../bench/generate';
import { LogSession } from '../service/session';
import { createWebHost } from './http';

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
function tamper(seq: number): void {
  const bytes = readFileSync(logPath);
  let start = 0;
  for (let line = 1; line < seq; line++) start = bytes.indexOf(10, start) + 1;
  const at = bytes.indexOf('"name":"', start) + '"name":"'.length;
  expect(at).toBeLessThan(bytes.indexOf(10, start));
  const fd = openSync(logPath, 'r+');
  writeSync(fd, Buffer.from(bytes[at] === 0x51 ? 'R' : 'Q'), 0, 1, at);
  closeSync(fd);
}

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
});
