/**
 * A window does not wait for its log: the session opens it behind the window, and a call made
 * meanwhile waits for it. These pin what a caller sees while a log is opening, failing or switching.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate';
import type { OpeningProgress } from '../core/contract';
import { createWebHost } from '../server/http';
import { LogSession } from './session';

const options = { appVersion: 'test', live: false };
const folder = () => mkdtempSync(join(tmpdir(), 'incumbent-session-'));

/** A log file titled `title`, made and closed by a session of its own. */
async function logTitled(title: string): Promise<string> {
  const path = join(folder(), `${title}.jsonl`);
  const maker = new LogSession(options);
  await maker.open(path, title);
  await maker.close();
  return path;
}

const titleOf = async (session: LogSession) => (await session.handlers()['log:summary']({})).title;

describe('LogSession', () => {
  it('answers a call made while its first log opens, once it has opened, over HTTP too', async () => {
    const path = await logTitled('Acme');
    const session = new LogSession(options);
    const server = createWebHost({ handlers: session.handlers(), readJson: session.readJson, staticDir: tmpdir(), token: 't0ken' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const call = (operation: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}/api/${operation}`, { method: 'POST', headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const opening = session.open(path);
      expect(() => session.current).toThrow('no log is open');
      const [summary, read, direct] = [call('log:summary', {}), call('log:read', { fromSeq: 1, limit: 5 }), titleOf(session)];
      await opening;
      expect(await summary).toMatchObject({ ok: true, value: { title: 'Acme' } });
      expect(await read).toMatchObject({ ok: true, value: { head: 1, records: [{ seq: 1, type: 'log.created' }] } });
      expect(await direct).toBe('Acme');
    } finally {
      server.close();
      await session.close();
    }
  });

  it('says how far it has read the log it is opening, at once, while other calls wait; nothing once it is open', async () => {
    const path = join(folder(), 'large.jsonl');
    await generateLog(path, 30_000, 5);
    const size = statSync(path).size;
    const session = new LogSession(options);
    const opening = session.open(path);
    let open = false;
    void opening.then(() => (open = true));
    const answers: OpeningProgress[] = [];
    while (!open) {
      const answer = await session.handlers()['log:opening']({});
      if (answer) answers.push(answer);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await opening;
    expect(answers[0]).toMatchObject({ path });
    for (const [i, { read, size: of, elapsedMs }] of answers.entries()) {
      expect([0, size]).toContain(of);
      expect(read).toBeLessThanOrEqual(of);
      if (i > 0) expect(read).toBeGreaterThanOrEqual(answers[i - 1]!.read);
      if (i > 0) expect(elapsedMs).toBeGreaterThanOrEqual(answers[i - 1]!.elapsedMs);
    }
    expect(answers.some(({ read }) => read > 0)).toBe(true);
    expect(await session.handlers()['log:opening']({})).toBeNull();
    await session.close();
  }, 60_000);

  it('tells a waiting call why its log could not be opened, and serves the next log opened', async () => {
    const bad = join(folder(), 'bad.jsonl');
    writeFileSync(bad, 'not a log\n');
    const session = new LogSession(options);
    const failed = session.open(bad);
    const waiting = titleOf(session);
    await expect(failed).rejects.toThrow();
    await expect(waiting).rejects.toThrow(/^no log is open: .*line 1/);
    expect(session.failure).toMatch(/line 1/);
    await session.open(await logTitled('Next'));
    expect(await titleOf(session)).toBe('Next');
    expect(session.failure).toBeUndefined();
    await session.close();
  });

  it('tells a waiting call the field at fault when a log cannot be opened, as the terminal does', async () => {
    const session = new LogSession(options);
    const failed = session.open('postgres://a@b:99999999/db?log=x');
    const waiting = titleOf(session);
    await expect(failed).rejects.toThrow();
    await expect(waiting).rejects.toThrow(/^no log is open: --log: is not a valid postgres URL/);
    await session.close();
  });

  it('keeps answering from the open log while another opens, then from the new one', async () => {
    const [first, second] = [await logTitled('First'), await logTitled('Second')];
    const session = new LogSession(options);
    await session.open(first);
    const switching = session.open(second);
    expect(await titleOf(session)).toBe('First');
    await switching;
    expect(await titleOf(session)).toBe('Second');
    await session.close();
  });

  it('opens one log at a time: the last asked for stays open, and the others are closed (their locks let go)', async () => {
    const [a, b] = [await logTitled('A'), await logTitled('B')];
    const session = new LogSession(options);
    const opens = [session.open(a), session.open(b)];
    expect(await titleOf(session)).toBe('B');
    await Promise.all(opens);
    expect(await titleOf(session)).toBe('B');
    const other = new LogSession(options);
    await other.open(a);
    await other.close();
    // Closing while a log is still opening closes that log too, once it has opened.
    const late = session.open(a);
    await session.close();
    await late;
    expect(() => session.current).toThrow('no log is open');
    const third = new LogSession(options);
    await third.open(a);
    await third.close();
  });

  it('tells a waiting call why the latest open failed, not why an earlier one did', async () => {
    const dir = folder();
    const session = new LogSession(options);
    await expect(session.open(join(dir, 'first.jsonl'))).rejects.toThrow(/first\.jsonl/);
    const failing = session.open(join(dir, 'second.jsonl'));
    const waiting = session.handlers()['log:summary']({});
    await expect(failing).rejects.toThrow(/second\.jsonl/);
    await expect(waiting).rejects.toThrow(/^no log is open: .*second\.jsonl/);
  });

  it('opening the log that is open, or still opening, gives it back: its own lock is not another writer', async () => {
    const path = join(folder(), 'a.jsonl');
    const session = new LogSession(options);
    // At start the window shows while the last log opens; the reader picks it again from Open Recent.
    const starting = session.open(path, 'A');
    const again = session.open(path);
    const log = await starting;
    await expect(again).resolves.toBe(log);
    await expect(session.open(join(path, '..', '.', 'a.jsonl'))).resolves.toBe(log);
    await session.close();
  });

  it('refuses an open asked for once it is closing, and leaves that log unlocked', async () => {
    const path = join(folder(), 'a.jsonl');
    const session = new LogSession(options);
    await session.open(path, 'A');
    const closing = session.close();
    await expect(session.open(path)).rejects.toThrow('the session has closed');
    await closing;
    const other = new LogSession(options);
    await expect(other.open(path)).resolves.toBeDefined();
    await other.close();
  });
});
