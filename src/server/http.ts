/**
 * The web mode's host: the built renderer and the contract over HTTP, on loopback only. Every API
 * call needs the per-launch token, and a request whose Host is not ours is refused (DNS rebinding).
 *
 * Invariant: no request, however malformed, stops the host. Every throw or rejection while
 * answering a request becomes a JSON error response (or, once a response has begun, a dropped
 * connection); bytes that are not HTTP at all are answered by the clientError handler.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { isOperation, MAX_IMPORT_CHARS, parseArgs, type Handlers, type JsonPage } from '../core/contract';
import { IncumbentError, toAppError, type ErrorCode } from '../core/errors';
import { capConnections } from './dropped';
import { HttpRefusal } from './refusal';
import { readJsonBody } from './request-body';
import { readStaticFile, resolveStaticPath } from './static-files';
import { CSP } from '../core/content-security-policy';

export interface HostLimits {
  /** The largest request body read. */
  maxBodyBytes: number;
  /** From connection (or the previous request) until the request's headers are complete. */
  headersTimeoutMs: number;
  /** From connection until the whole request, body included, is received. */
  requestTimeoutMs: number;
  /** How long an idle kept-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** How often the two request timeouts are checked (Node's default of 30 s makes them coarse). */
  timeoutCheckIntervalMs: number;
  maxHeaderBytes: number;
  maxHeadersCount: number;
  /**
   * How long a piece of a page (up to 64 KiB of lines) may wait for the connection to take it. A
   * client that stops reading is cut off: it would hold the piece, and its log's file, for as long
   * as it stayed connected. (A client that reads is seen to only as its receive window reopens,
   * half its buffer at a time: at 60 s, one reading under about 50 KB/s would be cut off too; the
   * page, on this machine, reads hundreds of MB/s.)
   */
  sendTimeoutMs: number;
  /**
   * The most requests one connection may have in flight (pipelined): a browser never pipelines,
   * and each waiting request (a long poll) holds its request and response, and an append answers
   * every one into the connection's buffer. A connection that sends more is hung up.
   */
  maxPipelined: number;
  /**
   * The most connections held at once; one more is closed at once, unanswered. Idle sockets cost a
   * file descriptor each until the headers or keep-alive timeout ends them, and a local process
   * could open them by the thousand, leaving none for the log. The page needs a handful (a browser
   * opens at most 6 to a host, a long poll holding one), so a few tabs stay far inside the cap.
   */
  maxConnections: number;
}

/**
 * Production limits. The body limit is twice the longest import (MAX_IMPORT_CHARS, 64 Mi
 * characters, ~93,000 events of ~720 bytes): in the JSON body, escaping the quotes of JSON Lines
 * adds about 10% and a non-ASCII character takes 2-3 bytes, so 128 MiB carries any import the
 * contract accepts short of text that is mostly non-Latin, and also `log:append`'s 100,000 events
 * (~70 MiB). The client is a page on this machine: loopback delivers 128 MiB in well under a
 * second, and headers in microseconds, so the timeouts only ever cut off a stalled or hostile client.
 */
export const HOST_LIMITS: HostLimits = {
  maxBodyBytes: 2 * MAX_IMPORT_CHARS,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
  maxHeaderBytes: 16 << 10,
  maxHeadersCount: 64,
  sendTimeoutMs: 60_000,
  maxPipelined: 32,
  maxConnections: 128,
};

export interface WebHostOptions {
  handlers: Handlers;
  /**
   * `log:read`'s answer as JSON, in pieces, when the host can give it without parsing the records
   * (a page of a large log is most of its loading time); `handlers['log:read']` otherwise.
   */
  readJson?: (args: { fromSeq: number; limit: number }) => JsonPage | Promise<JsonPage>;
  staticDir: string;
  token: string;
  /** Overrides of HOST_LIMITS; tests shorten the timeouts. */
  limits?: Partial<HostLimits>;
}

const STATUS: Record<ErrorCode, number> = { invalid: 400, 'not-found': 404, conflict: 409, cancelled: 409, damaged: 422, locked: 423, io: 500 };
const SECURITY_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'content-security-policy': CSP, 'cross-origin-resource-policy': 'same-origin' };

/** A body the client announced but we have not read: answering early must hang up, or Node reads it to the end. */
const bodyUnread = (req: IncomingMessage) => !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);

function reply(req: IncomingMessage, res: ServerResponse, status: number, body: string | Buffer, type = 'application/json', extra: Record<string, string> = {}, hangUp = false) {
  if (res.writableEnded || res.destroyed) return;
  if (res.headersSent) return void res.destroy();
  const close = hangUp || bodyUnread(req);
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'content-type': type, 'content-length': Buffer.byteLength(body), ...(close ? { connection: 'close' } : {}) });
  res.end(body);
}

/** Requests each connection has in flight (received, not yet answered). */
const inFlight = new WeakMap<Socket, number>();

/** Counts `req` on its connection until it is answered; false when that makes too many (the caller hangs up). */
function admitted(req: IncomingMessage, res: ServerResponse, max: number): boolean {
  const socket = req.socket;
  const count = (inFlight.get(socket) ?? 0) + 1;
  inFlight.set(socket, count);
  res.once('close', () => inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1));
  return count <= max;
}

/** Those waiting for each connection to close: one listener on it, however many pages a client pipelines. */
const closeWaiters = new WeakMap<Socket, Set<() => void>>();

/** Calls `callback` when `socket` closes; returns what stops waiting. */
function whenClosed(socket: Socket, callback: () => void): () => void {
  let waiting = closeWaiters.get(socket);
  if (!waiting) {
    const all = (waiting = new Set());
    closeWaiters.set(socket, all);
    socket.once('close', () => all.forEach((f) => f()));
  }
  waiting.add(callback);
  return () => waiting.delete(callback);
}

/**
 * Resolves once `res` has its connection: at once, unless it is queued behind another answer on it
 * (pipelined), which gets no 'close' of its own if the connection goes meanwhile.
 */
const turn = (req: IncomingMessage, res: ServerResponse) =>
  new Promise<void>((resolve) => {
    if (res.socket || gone(req, res)) return resolve();
    const done = () => {
      res.off('socket', done);
      stopWaiting();
      resolve();
    };
    res.once('socket', done);
    const stopWaiting = whenClosed(req.socket, done);
  });

/**
 * Resolves when `res` (which has its connection) can take more, or is closed: by the client
 * (perhaps already), or by this when the connection has not taken a piece for `timeoutMs`.
 * Either way its listeners are removed.
 */
const drainedOrClosed = (res: ServerResponse, timeoutMs: number) =>
  new Promise<void>((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      clearTimeout(timer);
      res.off('drain', done).off('close', done);
      resolve();
    };
    const timer = setTimeout(() => (res.destroy(), done()), timeoutMs);
    res.on('drain', done).on('close', done);
  });

const gone = (req: IncomingMessage, res: ServerResponse) => res.destroyed || req.socket.destroyed;

/**
 * Sends a page of records as they are read, waiting for the client to take each piece (for up to
 * `sendTimeoutMs` each, then it is cut off). A page queued behind another answer on its connection
 * reads nothing, and holds nothing, until its turn. The first piece is read before anything is
 * sent, so a failure there (a line changed on disk) is answered as an error. A failure after it can
 * only cut the connection: the chunked answer then lacks its last chunk (and its JSON, its closing
 * brackets), so it is never taken for a whole one; the host's console says why. Only HTTP/1.1 has
 * chunks: in any other version a cut would read as the answer's end, so the page is sent whole.
 */
async function replyWithPage(req: IncomingMessage, res: ServerResponse, { head, records }: JsonPage, sendTimeoutMs: number): Promise<void> {
  const [start, end] = ['{"ok":true,"value":{"records":[', `],"head":${head}}}`];
  if (!(req.httpVersionMajor === 1 && req.httpVersionMinor >= 1)) return reply(req, res, 200, Buffer.concat([Buffer.from(start), ...records, Buffer.from(end)]));
  await turn(req, res);
  if (gone(req, res)) return;
  const pieces = records[Symbol.iterator]();
  let next = pieces.next();
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'application/json' });
  res.write(start);
  try {
    for (; !next.done; next = pieces.next()) {
      if (!res.write(next.value)) await drainedOrClosed(res, sendTimeoutMs);
      // The client has gone: nothing more is read for it.
      if (gone(req, res)) return void pieces.return?.();
    }
  } catch (error) {
    console.error(`incumbent web: a page of the log could not be sent whole (${req.url})`, error);
    return void res.destroy();
  }
  res.end(end);
}

function replyWithError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  const status = error instanceof HttpRefusal ? error.status : error instanceof IncumbentError ? STATUS[error.code] : 500;
  // The stack stays on the host's console; the client gets the message only.
  if (!(error instanceof IncumbentError)) console.error('incumbent web: unexpected failure', error);
  const refusal = error instanceof HttpRefusal ? error : undefined;
  reply(req, res, status, JSON.stringify({ ok: false, error: toAppError(error) }), 'application/json', refusal?.headers, refusal?.hangUp);
}

/** The token of an `Authorization: Bearer TOKEN` header (RFC 6750; the scheme's name in any case, RFC 9110 11.1), or undefined: a bare token, or another scheme's, is none. */
const bearerToken = (header: string | undefined) => /^Bearer +(\S+)$/i.exec(header ?? '')?.[1];

const sameToken = (given: string | undefined, token: string) => {
  const [a, b] = [Buffer.from(given ?? ''), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
};

/** How many times the request names header `name` (lower case): Node's `req.headers` keeps only the first of a Host or an Authorization. */
const timesGiven = (req: IncomingMessage, name: string) => req.rawHeaders.filter((header, i) => i % 2 === 0 && header.toLowerCase() === name).length;

async function answer(req: IncomingMessage, res: ServerResponse, options: WebHostOptions, limits: HostLimits, port: number | undefined) {
  const host = req.headers.host;
  // Node keeps the first Host and drops the others: a second, naming another host, would pass unseen (RFC 9112 3.2: answer 400).
  if (timesGiven(req, 'host') > 1) throw new HttpRefusal(400, 'invalid', 'is given more than once', { field: 'host' });
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) throw new HttpRefusal(421, 'invalid', `foreign Host header "${host ?? ''}"`, { field: 'host' });
  const url = req.url ?? '/';
  if (!url.startsWith('/api/')) {
    // HEAD answers as GET (RFC 9110 9.3.2): Node's response sends the same head and drops the body.
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpRefusal(405, 'invalid', 'method not allowed', { field: 'method', headers: { allow: 'GET, HEAD' } });
    const file = readStaticFile(options.staticDir, resolveStaticPath(options.staticDir, url));
    if (!file) throw new HttpRefusal(404, 'not-found', `no such file: ${url.split('?')[0]}`, { field: 'path' });
    return reply(req, res, 200, file.bytes, file.type);
  }
  if (req.method !== 'POST') throw new HttpRefusal(405, 'invalid', 'API calls are POST', { field: 'method', headers: { allow: 'POST' } });
  if (req.headers.origin !== undefined && req.headers.origin !== `http://${host}`) throw new HttpRefusal(403, 'invalid', 'cross-origin request refused', { field: 'origin' });
  // As with Host: of two credentials, Node would judge the first and drop the second unseen (RFC 9110 11.6.2 allows one).
  if (timesGiven(req, 'authorization') > 1) throw new HttpRefusal(400, 'invalid', 'is given more than once', { field: 'authorization' });
  if (!sameToken(bearerToken(req.headers.authorization), options.token)) throw new HttpRefusal(401, 'invalid', 'missing or wrong token: open the URL the server printed', { field: 'authorization' });
  const operation = url.slice('/api/'.length);
  if (!isOperation(operation)) throw new HttpRefusal(404, 'not-found', `no operation "${operation}"`, { field: 'operation' });
  const args = parseArgs(operation, await readJsonBody(req, limits.maxBodyBytes));
  if (operation === 'log:read' && options.readJson) return replyWithPage(req, res, await options.readJson(args as { fromSeq: number; limit: number }), limits.sendTimeoutMs);
  // The client hanging up (this request's connection closing, whether or not its answer has its turn yet) ends a long poll.
  const hungUp = new AbortController();
  const stopWatching = whenClosed(req.socket, () => hungUp.abort());
  try {
    const value = await (options.handlers[operation] as (a: typeof args, signal: AbortSignal) => Promise<unknown>)(args, hungUp.signal);
    reply(req, res, 200, JSON.stringify({ ok: true, value }));
  } finally {
    stopWatching();
  }
}

const CLIENT_ERRORS: Record<string, [status: number, reason: string, message: string, field: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'are too large', 'headers'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'took too long to arrive', 'request'],
};

/**
 * Bytes Node's parser refused, or a request that timed out. There is no response object, so the
 * answer is written to the socket directly, unless a response on it has already begun.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
  const [status, reason, message, field] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', `is not well-formed HTTP (${error.code ?? 'unknown'})`, 'request'];
  const body = JSON.stringify({ ok: false, error: { code: 'invalid', message, field } });
  const headers = Object.entries({ ...SECURITY_HEADERS, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), connection: 'close' });
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`, () => socket.destroy());
}

export function createWebHost(options: WebHostOptions): Server {
  const limits = { ...HOST_LIMITS, ...options.limits };
  const server = createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
      maxHeaderSize: limits.maxHeaderBytes,
    },
    (req, res) => {
      // An 'error' nobody listens to would crash the process; the failure already reaches us
      // through the body reader or as a closed socket.
      req.on('error', () => {});
      res.on('error', () => res.destroy());
      if (!admitted(req, res, limits.maxPipelined)) return void req.socket.destroy();
      const port = (server.address() as { port: number } | null)?.port;
      answer(req, res, options, limits, port).catch((error: unknown) => {
        try {
          replyWithError(req, res, error);
        } catch {
          res.destroy();
        }
      });
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxHeadersCount = limits.maxHeadersCount;
  capConnections(server, limits.maxConnections);
  server.on('clientError', answerClientError);
  return server;
}
