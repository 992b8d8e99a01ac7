/**
 * A log's advisory lock can be held by any role (pg_advisory_xact_lock is PUBLIC's to run), a
 * reader's too, and by a writer stopped mid-transaction. An append behind it waits at most
 * lock_timeout, then is refused as locked, with nothing written, and the log goes on once the lock
 * is free. A writer of ours that stalls inside its transaction loses its session, and the lock,
 * after its idle limit. Against a real PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { connectAs, pgLogsForTests, statementDraft } from './pg-logs.test-support';
import { IDLE_IN_TRANSACTION_MS, parsePgUrl } from './pg-url';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-lock-wait.test.ts', skipped);
afterAll(() => cluster?.destroy());

const STALL_CHILD = fileURLToPath(new URL('./stall-child.test-support.ts', import.meta.url));

const { newLog, open } = pgLogsForTests(cluster, 'lockwait');

describe.skipIf(!cluster)(`an append does not wait without end for the log's lock${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('waits lock_timeout for a lock a reader holds, is refused as locked, and appends once it is free', { timeout: 30_000 }, async () => {
    const url = newLog();
    const writer = await open(`${url}&lock_timeout=1`);
    await writer.append([statementDraft('before')]);
    const reader = await connectAs(url, 'rita', 'SELECT');
    await reader.query('BEGIN');
    await reader.query('SELECT pg_advisory_xact_lock($1)', [parsePgUrl(url).lockKey]);
    const started = performance.now();
    await expect(writer.append([statementDraft('while-locked')])).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/longer than lock_timeout allows.*the log's lock.*nothing was written/) });
    expect(performance.now() - started).toBeLessThan(5_000);
    await reader.query('COMMIT');
    await reader.end();
    const { appended } = await writer.append([statementDraft('after')]);
    expect(appended.map((r) => [r.id, r.seq])).toEqual([['after', 3]]);
  });

  it("a lock on the table itself (an ALTER TABLE, VACUUM FULL or LOCK TABLE in progress) is named as such to a reader, not as the log's advisory lock", { timeout: 30_000 }, async () => {
    const url = newLog();
    await (await open(url)).append([statementDraft('before')]);
    const locker = await connectAs(url, 'lena', 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE');
    await locker.query('BEGIN; LOCK TABLE incumbent_events IN ACCESS EXCLUSIVE MODE');
    try {
      const refused = await open(`${url}&lock_timeout=1`, { readOnly: true }).then(() => 'opened', (error: Error) => error.message);
      expect(refused).toMatch(/lock_timeout allows.*a lock on the table/);
      expect(refused).not.toMatch(/held the log's lock/);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
  });

  it.each(['between statements', 'awaiting a reply'])("a writer stopped (SIGSTOP) %s while it holds the lock loses its session after its idle limit: the next writer appends, the stopped one's append fails saying why, nothing of it written", { timeout: 60_000 }, async (where) => {
    const url = newLog();
    const writer = await open(url);
    const child = spawn(process.execPath, ['--import', 'tsx', STALL_CHILD, url, '1000', where.split(' ')[0]!], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    try {
      while (!out.includes('holding')) {
        if (child.exitCode !== null) throw new Error(`the stalling writer exited: ${out}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      // Without the idle limit this append would wait for lock_timeout (10 s here) and be refused as locked.
      const started = performance.now();
      const lockWaitBound = await open(`${url}&lock_timeout=10`, {});
      const { appended } = await lockWaitBound.append([statementDraft('after-stall')]);
      const waited = performance.now() - started;
      console.log(`the writer behind a stopped one waited ${Math.round(waited)} ms`);
      expect(appended.map((r) => [r.id, r.seq])).toEqual([['after-stall', 2]]);
      expect(waited).toBeLessThan(5_000);
    } finally {
      child.kill('SIGCONT');
    }
    await exited;
    const outcome = JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as { code?: string; message?: string };
    expect(outcome).toMatchObject({ code: 'io', message: expect.stringMatching(/idle inside its transaction.*nothing was written/) });
    await writer.refresh();
    expect([...writer.ledger.records()].map((r) => r.id).slice(1)).toEqual(['after-stall']);
  });

  it('a session may sit idle inside a transaction 15 s in production, far under the lock wait', () => {
    expect(parsePgUrl(newLog()).config.idle_in_transaction_session_timeout).toBe(IDLE_IN_TRANSACTION_MS);
    expect(IDLE_IN_TRANSACTION_MS).toBe(15_000);
  });

  it('waits a minute unless the URL says otherwise, and refuses a lock_timeout that is not whole seconds', () => {
    expect(parsePgUrl(newLog()).config.lock_timeout).toBe(60_000);
    expect(parsePgUrl(`${newLog()}&lock_timeout=5`).config.lock_timeout).toBe(5_000);
    for (const bad of ['0', '-1', '1.5', 'soon', '']) expect(() => parsePgUrl(`${newLog()}&lock_timeout=${bad}`)).toThrow(/lock_timeout .*whole number of seconds/);
  });

  it('refuses a connect_timeout that is not whole seconds, instead of connecting with no timeout or an instant one', () => {
    expect(parsePgUrl(newLog()).config.connectionTimeoutMillis).toBe(10_000);
    expect(parsePgUrl(`${newLog()}&connect_timeout=3`).config.connectionTimeoutMillis).toBe(3_000);
    // 'soon' was NaN (no timeout at all); 10000000 s overflowed Node's timer, which then fired at once.
    for (const bad of ['-1', '1.5', 'soon', '', '10000000']) expect(() => parsePgUrl(`${newLog()}&connect_timeout=${bad}`)).toThrow(/connect_timeout .*whole number of seconds/);
  });
});
