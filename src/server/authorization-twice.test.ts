/**
 * A request with two Authorization headers: Node keeps the first and drops the rest, so a request
 * carrying the token and then another credential (or another, then the token) was judged on
 * whichever came first. RFC 9110 (11.6.2) allows one; an API call with more is refused with 400, as
 * one with two Host headers is (host-header-twice.test.ts), before its token is looked at.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawExchange, stillServing } from './raw-http.test-support';
import { startScratchHost, type ScratchHost } from './scratch-host.test-support';

let host: ScratchHost;
beforeAll(async () => (host = await startScratchHost()));
afterAll(() => host.stop());

it.each([
  ['the token, then another', (token: string) => [`Bearer ${token}`, 'Bearer not-the-token']],
  ['another, then the token', (token: string) => ['Bearer not-the-token', `Bearer ${token}`]],
  ['the token twice', (token: string) => [`Bearer ${token}`, `Bearer ${token}`]],
])('refuses an API call with two Authorization headers (%s)', async (_, values) => {
  const [first, second] = values(host.token);
  const request = `POST /api/log:summary HTTP/1.1\r\nhost: 127.0.0.1:${host.port}\r\nauthorization: ${first}\r\nAuthorization: ${second}\r\ncontent-length: 2\r\n\r\n{}`;
  const answer = await rawExchange(host.port, [request]);
  expect(answer.status).toBe(400);
  expect(answer.text).toContain('"field":"authorization"');
  expect(await stillServing(host.port, host.token)).toBeUndefined();
});
