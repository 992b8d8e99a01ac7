/**
 * One database, one log table: a writer whose search_path starts with a schema of its own
 * ("$user", PostgreSQL's default first entry) must not make a second `incumbent_events` there or
 * elsewhere while one exists that it does not see, or one URL names two logs, each its own chain.
 * Against a real PostgreSQL; skipped, saying why, where it cannot start.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { PgEventLog } from './pg-event-log';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-schema-fork.test.ts', skipped);
afterAll(() => cluster?.destroy());

const admin = async (database: string, ...statements: string[]) => {
  const client = new pg.Client({ connectionString: cluster!.url('x').replace(/\/postgres\?.*/, `/${database}`) });
  await client.connect();
  try {
    const results = [];
    for (const statement of statements) results.push((await client.query(statement)).rows);
    return results;
  } finally {
    await client.end();
  }
};

describe.skipIf(!cluster)('the log table is one per database', () => {
  it('a writer that cannot see the existing table is refused rather than making another', { timeout: 30_000 }, async () => {
    await admin('postgres', 'CREATE DATABASE forked', 'CREATE ROLE alice LOGIN', 'CREATE ROLE bob LOGIN');
    await admin('forked', 'CREATE SCHEMA alice AUTHORIZATION alice', 'GRANT CREATE ON SCHEMA public TO alice, bob');
    const as = (user: string) => cluster!.url('news').replace('incumbent@', `${user}@`).replace('/postgres?', '/forked?');
    await (await PgEventLog.open(as('alice'), { create: { title: 'Alice' } })).close();
    const bob = PgEventLog.open(as('bob'), { create: { title: 'Bob' } });
    await expect(bob).rejects.toMatchObject({ code: 'invalid', message: expect.stringMatching(/"alice"\.incumbent_events/) });
    const [tables] = await admin('forked', "SELECT n.nspname AS schema FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'incumbent_events'");
    expect(tables).toEqual([{ schema: 'alice' }]);
  });
});
