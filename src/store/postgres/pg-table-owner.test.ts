/**
 * The triggers that keep the table append-only bind everyone but whoever owns the table and its
 * functions: an owner can disable the triggers or replace the functions, then delete the last
 * batches, which leaves a chain that still verifies. The first writer to open a log creates the
 * table, and so owns it, unless the README's role statements hand it to a role nobody logs in as.
 * They are run here as the README gives them (passwords left out), against a real PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { pgLogsForTests, statementDraft } from './pg-logs.test-support';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-table-owner.test.ts', skipped);
afterAll(() => cluster?.destroy());

const { open } = pgLogsForTests(cluster, 'owner');

/** The README's **Roles.** statements, as a superuser would paste them (without the passwords). */
const readmeRolesSql = () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const block = /\*\*Roles\.\*\*[\s\S]*?```sql\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no ```sql block after **Roles.**');
  return block.replace(/ PASSWORD '[^']*'/g, '');
};

/** Runs `text` as `role` (the cluster trusts loopback, so no password). */
const as = async (role: string, text: string) => {
  const client = new pg.Client({ connectionString: cluster!.url('x').replace(/\?.*/, '').replace('incumbent@', `${role}@`) });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
};

describe.skipIf(!cluster)(`who owns the table${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('after the README statements, neither the writer who created the table nor any other can disable its triggers, replace its functions or delete', async () => {
    // A writer allowed to create the table, as the README's "the first writer ... creates it" needs.
    await as('incumbent', 'CREATE ROLE first_writer LOGIN; GRANT CREATE, USAGE ON SCHEMA public TO first_writer');
    const url = cluster!.url('owner-1').replace('incumbent@', 'first_writer@');
    const log = await open(url);
    await log.append([statementDraft('a'), statementDraft('b')]);
    await log.close();
    await as('incumbent', readmeRolesSql());
    await as('incumbent', 'GRANT incumbent_writer TO first_writer');
    for (const role of ['first_writer', 'alice']) {
      await expect(as(role, 'ALTER TABLE incumbent_events DISABLE TRIGGER USER')).rejects.toThrow(/must be owner|permission denied/);
      await expect(as(role, "CREATE OR REPLACE FUNCTION incumbent_events_refuse() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN OLD; END'")).rejects.toThrow(/must be owner|permission denied/);
      await expect(as(role, 'DROP TRIGGER incumbent_events_no_update ON incumbent_events')).rejects.toThrow(/must be owner|permission denied/);
      await expect(as(role, 'DELETE FROM incumbent_events WHERE seq > 1')).rejects.toThrow(/permission denied|append-only/);
    }
    const rows = await as('incumbent', "SELECT count(*)::int AS count FROM incumbent_events WHERE log = 'owner-1'");
    expect(rows[0]!.count).toBe(3);
    // The writers still write.
    const alice = await open(cluster!.url('owner-1').replace('incumbent@', 'alice@'), {});
    expect((await alice.append([statementDraft('c')])).appended).toHaveLength(1);
  });
});
