/**
 * A request with two Host headers: Node keeps the first and drops the rest, so one naming us then
 * another host was served as ours. RFC 9112 (3.2) has a server answer any such request with 400;
 * here it is refused as a foreign Host is, before anything else is looked at.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawExchange, stillServing } from './raw-http.test-support';
import { startScratchHost, type ScratchHost } from './scratch-host.test-support';

let host: ScratchHost;
beforeAll(async () => (host = await startScratchHost()));
afterAll(() => host.stop());

it.each([
  ['a static file', (ours: string) => `GET / HTTP/1.1\r\nhost: ${ours}\r\nhost: attacker.example\r\n\r\n`],
  ['an API call', (ours: string, token: string) => `POST /api/log:summary HTTP/1.1\r\nhost: ${ours}\r\nHost: attacker.example\r\nauthorization: Bearer ${token}\r\ncontent-length: 2\r\n\r\n{}`],
])('refuses %s asked for with two Host headers', async (_, request) => {
  const answer = await rawExchange(host.port, [request(`127.0.0.1:${host.port}`, host.token)]);
  expect(answer.status).toBe(400);
  expect(answer.text).toContain('"field":"host"');
  expect(await stillServing(host.port, host.token)).toBeUndefined();
});
