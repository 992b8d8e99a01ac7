/**
 * A log's advisory lock can be held by any role (pg_advisory_xact_lock is PUBLIC's to run), a
 * reader's too, and by a writer stopped mid-transaction. An append behind it waits at most
 * lock_timeout, then is refused as locked, with nothing written, and the log goes on once the lock
 * is free. Against a real PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { connectAs, pgLogsForTests, statementDraft } from './pg-logs.test-support';
import { parsePgUrl } from './pg-url';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-lock-wait.test.ts', skipped);
afterAll(() => cluster?.destroy());

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
    await expect(writer.append([statementDraft('while-locked')])).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/held the log's lock longer than lock_timeout allows.*nothing was written/) });
    expect(performance.now() - started).toBeLessThan(5_000);
    await reader.query('COMMIT');
    await reader.end();
    const { appended } = await writer.append([statementDraft('after')]);
    expect(appended.map((r) => [r.id, r.seq])).toEqual([['after', 3]]);
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
