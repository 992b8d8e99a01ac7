import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from './request-body';

const request = (body: Buffer) => Object.assign(Readable.from([body]), { headers: { 'content-length': String(body.length) } }) as unknown as IncomingMessage;

describe('readJsonBody', () => {
  it('reads a UTF-8 JSON body', async () => {
    expect(await readJsonBody(request(Buffer.from('{"name":"René"}')), 1024)).toEqual({ name: 'René' });
  });

  it('refuses a body that is not UTF-8, rather than keep U+FFFD for each accented letter', async () => {
    const latin1 = Buffer.from('{"jsonl":"{\\"name\\":\\"René\\"}"}', 'latin1');
    await expect(readJsonBody(request(latin1), 1024)).rejects.toMatchObject({ code: 'invalid', field: 'body', message: expect.stringMatching(/the body is not UTF-8 \(line 1 is not\): save it as UTF-8 and try again$/) });
  });

  it('refuses a body in which an object names a key twice, which JSON.parse would have kept only the last of', async () => {
    const body = Buffer.from('{"events":[{"id":"e1","time":"2023-11-17T12:00:00-08:00","time":"2023-11-18T12:00:00-08:00"}]}');
    await expect(readJsonBody(request(body), 1024)).rejects.toMatchObject({ code: 'invalid', field: 'body', message: expect.stringMatching(/names "events\.time" twice: JSON keeps only the last/) });
  });
});
