/**
 * A client that writes raw bytes to the host, so a test can send what no HTTP library would (bad
 * request lines, lying Content-Length, garbage), and reads back whatever comes.
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status of a well-formed status line; undefined when none arrived or it was malformed. */
  status?: number;
  /** Everything received, as latin1 text. */
  text: string;
  /** The host closed (or reset) the connection. */
  closed: boolean;
  /** Nothing decided the exchange within the wait. */
  timedOut: boolean;
}

export interface RawOptions {
  /** Pause between chunks (slow clients). */
  gapMs?: number;
  /** Give up after this long. */
  waitMs?: number;
  /** Wait for the host to close the connection, not only for a complete response. */
  untilClosed?: boolean;
  /** The request was HEAD: the response ends with its head, whatever content-length says. */
  headOnly?: boolean;
}

const STATUS_LINE = /^HTTP\/1\.1 ([1-5]\d\d) [^\r\n]*\r\n/;

/** Whether `text` holds one complete response (head, and a body as long as content-length says). */
function complete(text: string, headOnly: boolean): boolean {
  const end = text.indexOf('\r\n\r\n');
  if (end === -1) return false;
  if (headOnly) return true;
  const head = text.slice(0, end);
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) return text.endsWith('\r\n0\r\n\r\n');
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  return length !== undefined && text.length - end - 4 >= Number(length);
}

export function rawExchange(port: number, chunks: (string | Buffer)[], options: RawOptions = {}): Promise<RawAnswer> {
  const { gapMs = 0, waitMs = 5_000, untilClosed = false, headOnly = false } = options;
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let text = '';
    let settled = false;
    const settle = (closed: boolean, timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const status = STATUS_LINE.exec(text)?.[1];
      resolve({ ...(status ? { status: Number(status) } : {}), text, closed, timedOut });
    };
    const timer = setTimeout(() => settle(false, true), waitMs);
    socket.on('data', (data) => {
      text += data.toString('latin1');
      if (!untilClosed && complete(text, headOnly)) settle(false, false);
    });
    socket.on('error', () => settle(true, false));
    socket.on('close', () => settle(true, false));
    socket.on('connect', async () => {
      for (const [i, chunk] of chunks.entries()) {
        if (settled || socket.destroyed) return;
        if (i > 0 && gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (!socket.destroyed) socket.write(chunk);
      }
    });
  });
}

/** A well-formed request as raw text. */
export function requestText(method: string, path: string, headers: Record<string, string>, body = ''): string {
  const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n${body}`;
}

/** GET / and `log:summary` both answer 200: the host is up and serving. */
export async function stillServing(port: number, token: string): Promise<string | undefined> {
  const host = `127.0.0.1:${port}`;
  const page = await rawExchange(port, [requestText('GET', '/', { host })]);
  if (page.status !== 200) return `GET / answered ${page.status ?? (page.timedOut ? 'nothing (timeout)' : 'nothing')} afterwards`;
  const body = '{}';
  const api = await rawExchange(port, [requestText('POST', '/api/log:summary', { host, authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': String(body.length) }, body)]);
  if (api.status !== 200) return `log:summary answered ${api.status ?? 'nothing'} afterwards`;
  return undefined;
}
