/**
 * For the tests of `log:read` pages sent in pieces: a web host of a test's own over a generated
 * log, raw requests that read only when told, and ways to see what the host reads and keeps open.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, writeSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLog } from '../../bench/generate';
import type { JsonPage } from '../core/contract';
import { LogSession } from '../service/session';
import { createWebHost, type HostLimits } from './http';

export const TOKEN = 'pages-token-0123456789';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A host of its own over a generated log of `events` records (`open`: false, opened by the test);
 * `wrap` sees each page it is given.
 */
export async function ownHost(events: number, { wrap = (page) => page, limits = {}, open = true }: { wrap?: (page: JsonPage) => JsonPage | Promise<JsonPage>; limits?: Partial<HostLimits>; open?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-pages-'));
  const path = join(dir, 'log.jsonl');
  await generateLog(path, events, 3);
  const session = new LogSession({ appVersion: 'test' });
  if (open) await session.open(path);
  const host: Server = createWebHost({ handlers: session.handlers(), readJson: async (args) => wrap(await session.readJson(args)), staticDir: dir, token: TOKEN, limits });
  const connections: Socket[] = [];
  host.on('connection', (socket: Socket) => connections.push(socket));
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const stop = async () => {
    host.closeAllConnections();
    host.close();
    await session.close();
  };
  return { dir, path, session, connections, port: (host.address() as AddressInfo).port, stop };
}

/** The text of a request for `operation` with `args`; `close`: the last on its connection. */
export const apiRequest = (port: number, operation: string, args: unknown, { version = '1.1', close = true } = {}) => {
  const body = JSON.stringify(args);
  return `POST /api/${operation} HTTP/${version}\r\nhost: 127.0.0.1:${port}\r\nauthorization: Bearer ${TOKEN}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n${close ? 'connection: close\r\n' : ''}\r\n${body}`;
};

/** A connection that sends `requests` and reads nothing until resumed (or read from). */
export async function rawConnection(port: number, requests: string) {
  const socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined); // a cut answer is what some tests look for
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.pause();
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(requests);
  return { socket, closed, chunks, text: () => Buffer.concat(chunks).toString() };
}

/** A `log:read` over a raw connection of its own, which reads nothing until resumed. */
export const rawRead = (port: number, args: unknown, version = '1.1') => rawConnection(port, apiRequest(port, 'log:read', args, { version }));

/** Passes a page on, counting the pieces the host reads of it, and noting whether it stopped early (`return`). */
export const watching = (seen: { reads: number; returned: boolean }) => (page: JsonPage): JsonPage => ({
  head: page.head,
  records: {
    [Symbol.iterator]: () => {
      const pieces = page.records[Symbol.iterator]();
      return { next: () => (seen.reads++, pieces.next()), return: () => ((seen.returned = true), pieces.return!()) };
    },
  },
});

/** Changes the first letter of the first name in line `seq`, in place (the same length: only its hash changes). */
export function tamper(path: string, seq: number): void {
  const bytes = readFileSync(path);
  let start = 0;
  for (let line = 1; line < seq; line++) start = bytes.indexOf(10, start) + 1;
  const at = bytes.indexOf('"name":"', start) + '"name":"'.length;
  if (!(at > start && at < bytes.indexOf(10, start))) throw new Error(`line ${seq} holds no name to change`);
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from(bytes[at] === 0x51 ? 'R' : 'Q'), 0, 1, at);
  closeSync(fd);
}

/** How many of this process's descriptors are open on `path`. */
export const openOn = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
