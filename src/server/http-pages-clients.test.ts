/**
 * How the web host treats the clients of `log:read` pages sent in pieces: one that leaves (before
 * or during a page, or while the log opens), one that stops reading, and pages asked for one
 * behind another on a connection (pipelined). A page never waits forever, nor holds its log's file
 * after its client has gone, and a page waiting for its turn is not cut off for waiting.
 * A client that reads slowly is not tested here: the host sees a client's progress only as its
 * receive window reopens, which TCP does a half of its buffer (megabytes) at a time, so a test
 * would need the production timeout (60 s) to mean anything.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate';
import { apiRequest, openOn, ownHost, rawConnection, rawRead, sleep, watching } from './pages.test-support';

/** Runs `leave` (a client going), then opens another log: the first log's file must be closed then, no page holding it. */
async function letsGoOfItsFile(own: Awaited<ReturnType<typeof ownHost>>, leave: () => Promise<void>): Promise<void> {
  const other = join(own.dir, 'other.jsonl');
  await generateLog(other, 10, 3);
  try {
    await leave();
    await sleep(300);
    await own.session.open(other);
    expect(openOn(own.path)).toBe(0);
  } finally {
    await own.stop();
  }
}

describe('log:read pages and their clients', () => {
  it('reads no further piece from disk once the client has gone', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, { wrap: watching(seen) });
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      for (let before = -1; before !== seen.reads; await sleep(200)) before = seen.reads; // until the host waits for the client
      const before = seen.reads;
      client.socket.destroy();
      await sleep(300);
      expect(seen.reads).toBe(before);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('reads nothing of a page for a client that left before it was sent', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, { wrap: async (page) => (await sleep(300), watching(seen)(page)) });
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      await sleep(100);
      client.socket.destroy(); // while the host is still getting the page ready
      await sleep(1_000);
      expect(seen.reads).toBe(0);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('cuts off a client that stops reading, and stops reading the page for it', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, { wrap: watching(seen), limits: { sendTimeoutMs: 300 } });
    try {
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      while (!seen.returned) await sleep(50); // the client reads nothing: the host gives up on it
      client.socket.resume();
      await client.closed;
      expect(client.text()).not.toMatch(/\r\n0\r\n\r\n$/);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('lets go of the log file when the client left while the log was still opening', async () => {
    const own = await ownHost(20_000, { open: false, limits: { sendTimeoutMs: 200 } });
    await letsGoOfItsFile(own, async () => {
      // The window asks for its first page while the host opens the log, as at start-up...
      const opening = own.session.open(own.path);
      const client = await rawRead(own.port, { fromSeq: 1, limit: 20_000 });
      await sleep(100);
      expect(own.session.opening(), 'the page was asked for while the log was opening').not.toBeNull();
      client.socket.destroy(); // ... and is closed (a reload, a closed tab) before it is open
      await opening;
    });
  }, 60_000);

  it('lets go of the log file for a page queued behind another on a connection that goes', async () => {
    const own = await ownHost(20_000, { limits: { sendTimeoutMs: 200 } });
    await letsGoOfItsFile(own, async () => {
      const page = apiRequest(own.port, 'log:read', { fromSeq: 1, limit: 20_000 }, { close: false });
      const client = await rawConnection(own.port, page + page); // two pages at once; neither read
      await sleep(1_000);
      client.socket.destroy();
    });
  }, 60_000);

  it('does not cut off a page for waiting its turn behind another answer on its connection', async () => {
    const own = await ownHost(2_000, { limits: { sendTimeoutMs: 200 } });
    try {
      // A long poll first (it answers after 1.5 s with nothing new), then a page: the page is read
      // and written while it waits, and must not be cut off for the poll's 1.5 s.
      const poll = apiRequest(own.port, 'log:changes', { sinceSeq: 2_000, timeoutMs: 1_500 }, { close: false });
      const client = await rawConnection(own.port, poll + apiRequest(own.port, 'log:read', { fromSeq: 1, limit: 2_000 }));
      client.socket.resume();
      await client.closed;
      const text = client.text();
      expect(text.split('HTTP/1.1 200').length - 1, 'answers begun').toBe(2);
      expect(text).toMatch(/\],"head":2000\}\}\r\n0\r\n\r\n$/);
    } finally {
      await own.stop();
    }
  }, 60_000);

  it('lets pages pipelined on one connection wait their turn with one listener on it, reading nothing meanwhile', async () => {
    const seen = { reads: 0, returned: false };
    const own = await ownHost(20_000, { wrap: watching(seen), limits: { sendTimeoutMs: 30_000 } });
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const page = apiRequest(own.port, 'log:read', { fromSeq: 1, limit: 20_000 }, { close: false });
      const client = await rawConnection(own.port, page.repeat(20)); // twenty pages at once, none read
      await sleep(1_500);
      // Node's own listener, the page being sent, and the one the queued pages share.
      expect(own.connections[0]!.listenerCount('close')).toBeLessThanOrEqual(3);
      expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
      const reads = seen.reads;
      client.socket.destroy();
      await sleep(300);
      expect(seen.reads, 'pieces read after the client went').toBe(reads);
    } finally {
      process.off('warning', onWarning);
      await own.stop();
    }
  }, 60_000);
});
