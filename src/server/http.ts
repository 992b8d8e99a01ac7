/**
 * The web mode's host: the built renderer and the contract over HTTP, on loopback only. Every API
 * call needs the per-launch token, and a request whose Host is not ours is refused (DNS rebinding).
 */
import { timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isOperation, parseArgs, type Handlers } from '../core/contract';
import { IncumbentError, toAppError, type ErrorCode } from '../core/errors';

export interface WebHostOptions {
  handlers: Handlers;
  staticDir: string;
  token: string;
}

const MAX_BODY = 512 << 20;
const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2' };
const STATUS: Record<ErrorCode, number> = { invalid: 400, 'not-found': 404, conflict: 409, cancelled: 409, damaged: 422, locked: 423, io: 500 };
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const send = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'content-security-policy': CSP, 'cross-origin-resource-policy': 'same-origin' });
  res.end(body);
};
const refuse = (res: ServerResponse, status: number, code: ErrorCode, message: string) => send(res, status, JSON.stringify({ ok: false, error: { code, message } }));

const sameToken = (given: string | undefined, token: string) => {
  const [a, b] = [Buffer.from(given ?? ''), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new IncumbentError('invalid', `request body is larger than ${MAX_BODY >> 20} MiB`, 'body');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new IncumbentError('invalid', 'is not valid JSON', 'body');
  }
}

async function serveStatic(res: ServerResponse, staticDir: string, url: string) {
  const path = decodeURIComponent(url.split('?')[0]!);
  const file = normalize(join(staticDir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(staticDir + sep)) return refuse(res, 403, 'invalid', 'outside the app');
  try {
    send(res, 200, (await readFile(file)) as unknown as string, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  } catch {
    refuse(res, 404, 'not-found', `no such file: ${path}`);
  }
}

export function createWebHost({ handlers, staticDir, token }: WebHostOptions): Server {
  const server = createServer(async (req, res) => {
    const port = (server.address() as { port: number } | null)?.port;
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return refuse(res, 421, 'invalid', `foreign Host header "${req.headers.host ?? ''}"`);
    const url = req.url ?? '/';
    if (!url.startsWith('/api/')) return req.method === 'GET' ? serveStatic(res, normalize(staticDir), url) : refuse(res, 405, 'invalid', 'method not allowed');
    if (req.method !== 'POST') return refuse(res, 405, 'invalid', 'API calls are POST');
    if (req.headers.origin !== undefined && req.headers.origin !== `http://${req.headers.host}`) return refuse(res, 403, 'invalid', 'cross-origin request refused');
    if (!sameToken(req.headers.authorization?.replace(/^Bearer /, ''), token)) return refuse(res, 401, 'invalid', 'missing or wrong token: open the URL the server printed');
    const operation = url.slice('/api/'.length);
    if (!isOperation(operation)) return refuse(res, 404, 'not-found', `no operation "${operation}"`);
    try {
      const args = parseArgs(operation, await readBody(req));
      const value = await (handlers[operation] as (a: typeof args) => Promise<unknown>)(args);
      send(res, 200, JSON.stringify({ ok: true, value }));
    } catch (error) {
      const appError = toAppError(error);
      send(res, STATUS[appError.code], JSON.stringify({ ok: false, error: appError }));
    }
  });
  return server;
}
