/**
 * HEAD on the app's files answers as GET would, headers only (RFC 9110 9.3.2: a server that
 * serves GET on a resource answers HEAD on it too); the API keeps to POST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, requestText } from './raw-http.test-support';
import { startScratchHost, type ScratchHost } from './scratch-host.test-support';

let host: ScratchHost;
beforeAll(async () => void (host = await startScratchHost()));
afterAll(() => host.stop());

const headOf = (text: string) => text.slice(0, text.indexOf('\r\n\r\n'));
const header = (text: string, name: string) => new RegExp(`\r\n${name}: *([^\r\n]*)`, 'i').exec(headOf(text))?.[1];
/** Sent with `connection: close` and read until the host hangs up, so a body sent would be seen. */
const exchange = (method: string, path: string, extra: Record<string, string> = {}) =>
  rawExchange(host.port, [requestText(method, path, { host: `127.0.0.1:${host.port}`, connection: 'close', ...extra })], { untilClosed: true });

describe('HEAD on the web host', () => {
  it.each(['/', '/assets/app.js'])('answers HEAD %s as GET, with its length and type and no body', async (path) => {
    const [get, head] = [await exchange('GET', path), await exchange('HEAD', path)];
    expect(get.status).toBe(200);
    expect(head.status).toBe(200);
    expect(header(head.text, 'content-length')).toBe(header(get.text, 'content-length'));
    expect(header(head.text, 'content-type')).toBe(header(get.text, 'content-type'));
    expect(head.text.slice(head.text.indexOf('\r\n\r\n') + 4)).toBe('');
  });

  it('answers HEAD of a missing file 404 without a body', async () => {
    const head = await exchange('HEAD', '/no-such-file.js');
    expect(head.status).toBe(404);
    expect(head.text.slice(head.text.indexOf('\r\n\r\n') + 4)).toBe('');
  });

  it('keeps the API to POST: HEAD of an operation is 405, allow POST', async () => {
    const head = await exchange('HEAD', '/api/log:summary', { authorization: `Bearer ${host.token}` });
    expect(head.status).toBe(405);
    expect(header(head.text, 'allow')).toBe('POST');
  });

  it('says a static file allows GET and HEAD when another method is refused', async () => {
    const put = await exchange('PUT', '/index.html', { 'content-length': '0' });
    expect(put.status).toBe(405);
    expect(header(put.text, 'allow')).toBe('GET, HEAD');
  });
});
