/**
 * The host holds at most HOST_LIMITS.maxConnections connections: one more is closed at once,
 * unanswered, so a local process opening sockets by the hundred cannot use up the host's file
 * descriptors (which it also needs for its log). Once sockets close, the host serves again.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOST_LIMITS } from './http';
import { stillServing } from './raw-http.test-support';
import { startScratchHost, type ScratchHost } from './scratch-host.test-support';

let host: ScratchHost;
beforeAll(async () => void (host = await startScratchHost()));
afterAll(() => host.stop());

/** Opens `count` idle sockets one after another; each says whether the host closed it. */
async function openIdle(count: number): Promise<{ socket: Socket; closed: () => boolean }[]> {
  const opened = [];
  for (let i = 0; i < count; i++) {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    let closed = false;
    socket.on('error', () => undefined);
    socket.on('close', () => (closed = true));
    await new Promise<void>((resolve) => (socket.once('connect', resolve), socket.once('close', resolve)));
    opened.push({ socket, closed: () => closed });
  }
  return opened;
}

const until = async (ok: () => boolean, ms: number) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 10));
  return ok();
};

describe('open connections', () => {
  it('are capped: past the cap a connection is closed unanswered; the host serves once idle ones close', { timeout: 20_000 }, async () => {
    const cap = HOST_LIMITS.maxConnections;
    expect(cap).toBeGreaterThanOrEqual(64);
    expect(cap).toBeLessThanOrEqual(256);
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sockets = await openIdle(400);
    const closedCount = () => sockets.filter((s) => s.closed()).length;
    await until(() => closedCount() >= 400 - cap, 3_000);
    // Well inside the headers timeout (10 s), so none was closed for idling.
    await new Promise((r) => setTimeout(r, 200));
    console.log(`of 400 idle connections the host kept ${400 - closedCount()} open (cap ${cap})`);
    expect(closedCount()).toBe(400 - cap);
    // The page, refused, says the server did not answer and that its console may say why: it does, once for the burst.
    const sayings = said.mock.calls.map((args) => String(args[0]));
    said.mockRestore();
    expect(sayings).toEqual([expect.stringMatching(new RegExp(`refused a connection: ${cap} are open already`))]);
    // The first `cap` were kept; those after were refused.
    expect(sockets.slice(0, cap).every((s) => !s.closed())).toBe(true);
    // At the cap, a real request gets no answer.
    expect(await stillServing(host.port, host.token)).toMatch(/answered nothing/);
    for (const { socket } of sockets) socket.destroy();
    // The host counts a connection gone once it sees it close, a turn or two after the client's.
    let problem: string | undefined = 'not tried';
    for (const end = Date.now() + 2_000; problem && Date.now() < end; ) problem = await stillServing(host.port, host.token);
    expect(problem).toBeUndefined();
  });
});
