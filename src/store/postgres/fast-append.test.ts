/**
 * The one-round-trip append and its fallback, against a real server: a writer whose view is stale
 * never commits a batch decided against it, never overtakes a writer holding the log's lock, and
 * a function batch refused against an old state is decided again against the true one.
 * Skipped, with the reason printed, where PostgreSQL cannot start.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../core/ledger';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import type { PgEventLog } from './pg-event-log';
import { pgLogsForTests, statementDraft } from './pg-logs.test-support';
import { parsePgUrl } from './pg-url';
import { GENESIS_HASH } from '../seal';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('fast-append.test.ts', skipped);
afterAll(() => cluster?.destroy());
const { newLog, open } = pgLogsForTests(cluster, 'fast');
const draft = statementDraft;
const chained = (log: PgEventLog) => [...log.ledger.records()].every((r, i) => r.seq === i + 1 && r.prevhash === (i === 0 ? GENESIS_HASH : log.hashOf(i)));

describe.skipIf(!cluster)('appending in one round trip, and when that cannot be', () => {
  it('a stale writer’s batch is not committed against its old head: it catches up and appends after the others', async () => {
    const url = newLog();
    const a = await open(url);
    const b = await open(url, {});
    await a.append([draft('from-a-1'), draft('from-a-2')]);
    // b has not read a's batch (it is not live); its first try takes seq 2, which is taken.
    const seen: number[] = [];
    const { appended } = await b.append((ledger: Ledger) => (seen.push(ledger.head), [draft('from-b')]));
    expect(seen).toEqual([1, 3]);
    expect(appended.map((r) => [r.seq, r.id])).toEqual([[4, 'from-b']]);
    expect([...b.ledger.records()].map((r) => r.id).slice(1)).toEqual(['from-a-1', 'from-a-2', 'from-b']);
    expect(chained(b)).toBe(true);
    const reread = await open(url, { readOnly: true });
    expect([...reread.ledger.records()].map((r) => r.id)).toEqual([...b.ledger.records()].map((r) => r.id));
    expect(chained(reread)).toBe(true);
  });

  it('an id another writer appended meanwhile is found under the lock: a no-op, not a second record', async () => {
    const url = newLog();
    const a = await open(url);
    const b = await open(url, {});
    await a.append([draft('same')]);
    expect(await b.append([draft('same')])).toEqual({ appended: [], skipped: ['same'] });
    expect((await open(url, { readOnly: true })).ledger.head).toBe(2);
  });

  it('a refusal decided against an old state is decided again against the true one', async () => {
    const url = newLog();
    const a = await open(url);
    const b = await open(url, {});
    await a.append([draft('needed')]);
    const { appended } = await b.append((ledger: Ledger) => {
      if (!ledger.byId('needed')) throw new Error('refused: "needed" is not in the log');
      return [draft('after')];
    });
    expect(appended.map((r) => r.id)).toEqual(['after']);
    // A refusal that holds against the true state still reaches the caller, and writes nothing.
    await expect(b.append(() => { throw new Error('refused for good'); })).rejects.toThrow('refused for good');
    expect((await open(url, { readOnly: true })).ledger.head).toBe(3);
  });

  it('never overtakes a writer holding the log’s lock: it waits for it, then appends after it', async () => {
    const url = newLog();
    const log = await open(url);
    const holder = new pg.Client({ connectionString: url.replace(/\?.*/, '') });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1)', [parsePgUrl(url).lockKey]);
      let done = false;
      const appending = log.append([draft('waits')]).then((outcome) => ((done = true), outcome));
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(done).toBe(false);
      await holder.query('COMMIT');
      expect((await appending).appended.map((r) => r.seq)).toEqual([2]);
    } finally {
      await holder.end();
    }
  });

  it('while others append, a writer goes straight to the lock; once they stop, back to one round trip', async () => {
    const url = newLog();
    const a = await open(url);
    const b = await open(url, {});
    const heads: number[] = [];
    const watched = (id: string) => (ledger: Ledger) => (heads.push(ledger.head), [draft(id)]);
    await a.append([draft('a1')]);
    await b.append([draft('b1')]); // stale: the fast try fails, the lock finds a1
    await a.append([draft('a2')]);
    // Contended: decided once, under the lock, against the true head (no fast try against 3).
    await b.append(watched('b2'));
    expect(heads.splice(0)).toEqual([4]);
    await b.append([draft('b3')]); // under the lock, nobody new since b2: quiet again
    await a.append([draft('a3')]);
    // Quiet: the fast try first (against 6, stale now), then the lock (against 7).
    await b.append(watched('b4'));
    expect(heads.splice(0)).toEqual([6, 7]);
    const reread = await open(url, { readOnly: true });
    expect([...reread.ledger.records()].map((r) => r.id).slice(1)).toEqual(['a1', 'b1', 'a2', 'b2', 'b3', 'a3', 'b4']);
    expect(chained(reread)).toBe(true);
  });
});
