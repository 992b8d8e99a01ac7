/**
 * A `log:changes` long poll whose client hangs up (a page reloaded or closed, a script killed)
 * stops waiting at once: before, the host held its request, its response and its wait for up to
 * the poll's 60 s, so clients that came and went piled up polls (about 4.5 KB each) that an
 * append would then answer, every one, to nobody. And one connection may have only so many
 * requests in flight: pipelined polls piled up without bound while it stayed.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import type { Handlers } from '../core/contract';
import { LogSession } from '../service/session';
import { createWebHost } from './http';

const dir = mkdtempSync(join(tmpdir(), 'incumbent-polls-'));
const session = new LogSession({ appVersion: 'test' });
const server = createWebHost({ handlers: counted(session.handlers()), staticDir: dir, token: 'tok' });
let port: number;
/** Polls the service is still waiting on. */
let waiting = 0;

function counted(served: Handlers): Handlers {
  return {
    ...served,
    'log:changes': async (args, signal) => {
      waiting++;
      try {
        return await served['log:changes'](args, signal);
      } finally {
        waiting--;
      }
    },
  };
}

beforeAll(async () => {
  copyFileSync(BUILT_IN_LOG, join(dir, 'log.jsonl'));
  await session.open(join(dir, 'log.jsonl'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const poll = (head: number) => {
  const body = JSON.stringify({ sinceSeq: head, timeoutMs: 60_000 });
  return `POST /api/log:changes HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\nauthorization: Bearer tok\r\ncontent-length: ${body.length}\r\n\r\n${body}`;
};
const until = async (check: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !check() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
  return check();
};

it('ends the polls of clients that hang up, pipelined ones included', async () => {
  const summary = (await (await fetch(`http://127.0.0.1:${port}/api/log:summary`, { method: 'POST', headers: { authorization: 'Bearer tok' }, body: '{}' })).json()) as { value: { head: { seq: number } } };
  const head = summary.value.head.seq;
  const sockets: Socket[] = [];
  for (let i = 0; i < 20; i++) {
    const socket = connect({ host: '127.0.0.1', port });
    socket.on('error', () => {});
    // One poll on each connection, and on the last ones a few more pipelined behind it.
    socket.write(i < 15 ? poll(head) : poll(head).repeat(5));
    sockets.push(socket);
  }
  expect(await until(() => waiting === 15 + 5 * 5, 5_000)).toBe(true);
  sockets.forEach((socket) => socket.destroy());
  expect(await until(() => waiting === 0, 2_000), `${waiting} polls still waiting 2 s after their clients left`).toBe(true);
}, 20_000);

it('hangs up on a connection with more requests pipelined than any client sends, and their polls end', async () => {
  const summary = (await (await fetch(`http://127.0.0.1:${port}/api/log:summary`, { method: 'POST', headers: { authorization: 'Bearer tok' }, body: '{}' })).json()) as { value: { head: { seq: number } } };
  const socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => {});
  let closed = false;
  socket.on('close', () => (closed = true));
  // A browser never pipelines; each poll held here is ~4.5 KB, and an append would answer them all into its buffer.
  socket.write(poll(summary.value.head.seq).repeat(1_000));
  expect(await until(() => closed, 3_000), 'the connection was kept').toBe(true);
  expect(await until(() => waiting === 0, 2_000), `${waiting} polls still waiting`).toBe(true);
}, 20_000);

it('keeps a connection that sends many requests one after another', async () => {
  const { request, Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const ports = new Set<number>();
  for (let i = 0; i < 100; i++) {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/log:summary', method: 'POST', agent, headers: { authorization: 'Bearer tok' } }, (res) => {
        ports.add(res.socket.localPort!);
        res.resume().on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject).end('{}');
    });
    expect(status).toBe(200);
  }
  agent.destroy();
  expect(ports.size).toBe(1);
}, 20_000);
