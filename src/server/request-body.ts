/**
 * Reads an API call's JSON body within a byte limit. A declared Content-Length over the limit is
 * refused before a byte is read; a chunked body is refused the moment it passes the limit. Both
 * refusals hang up, so the client cannot make us read (or discard) the rest.
 */
import { decodeUtf8 } from '../core/utf8';
import { refuseDuplicateKeys } from '../core/duplicate-key';
import type { IncomingMessage } from 'node:http';
import { IncumbentError } from '../core/errors';
import { HttpRefusal } from './refusal';

const tooLarge = (limit: number) =>
  new HttpRefusal(413, 'invalid', `is larger than ${limit >> 20} MiB: append a log this big with \`incumbent append --log LOG FILE\``, { field: 'body', hangUp: true });

function collect(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Not req.destroy(): that would take the socket with it before the 413 is written.
      req.off('data', onData);
      req.pause();
      chunks.length = 0;
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, size)));
    const cut = () => reject(new HttpRefusal(400, 'invalid', 'ended before its end', { field: 'body' }));
    req.once('error', cut);
    req.once('close', cut);
  });
}

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw tooLarge(limit);
  const text = decodeUtf8(await collect(req, limit), 'the body', 'body');
  let body: unknown;
  try {
    body = JSON.parse(text || '{}');
  } catch {
    throw new IncumbentError('invalid', 'is not valid JSON', 'body');
  }
  refuseDuplicateKeys(text, 'body');
  return body;
}
