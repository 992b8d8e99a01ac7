/**
 * The chain trigger reads the previous row's hash by the table's name. Resolved through the
 * inserting session's search_path, that name could be any table: every role may create temporary
 * tables, and pg_temp is searched first. A writer with only SELECT and INSERT would then choose
 * the "previous hash" itself, and insert a row that breaks the chain: one no app can open past,
 * and that nobody but the table's owner can remove. Against a real PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { connectAs, pgLogsForTests, statementDraft } from './pg-logs.test-support';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-chain-trigger.test.ts', skipped);
afterAll(() => cluster?.destroy());

const { newLog, open } = pgLogsForTests(cluster, 'trigger');

describe.skipIf(!cluster)(`the chain trigger cannot be pointed elsewhere${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('a writer whose temporary table shadows the log table still cannot insert a row that breaks the chain', async () => {
    const url = newLog();
    const log = await open(url);
    await log.append([statementDraft('a')]);
    const name = new URL(url).searchParams.get('log')!;
    const mallory = await connectAs(url, 'mallory', 'SELECT, INSERT');
    try {
      const fake = 'ab'.repeat(32);
      await mallory.query('CREATE TEMP TABLE incumbent_events (log text, seq bigint, hash bytea)');
      await mallory.query("INSERT INTO incumbent_events VALUES ($1, 2, decode($2, 'hex'))", [name, fake]);
      const line = JSON.stringify({ seq: 3, id: 'forged', prevhash: fake });
      await expect(mallory.query('INSERT INTO public.incumbent_events (log, seq, id, line) VALUES ($1, 3, $2, $3)', [name, 'forged', line])).rejects.toThrow(/prevhash of seq 3 is not the hash of seq 2/);
    } finally {
      await mallory.end();
    }
    // The log still opens, and its writers still append.
    const again = await open(url, {});
    expect(again.ledger.head).toBe(2);
    expect((await again.append([statementDraft('b')])).appended[0]!.seq).toBe(3);
  });
});
