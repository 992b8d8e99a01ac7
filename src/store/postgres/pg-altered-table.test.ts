/**
 * A log table whose `line` column someone changed to json or jsonb (ALTER TABLE ... TYPE json, a
 * plausible "tidy-up"): the driver hands such a column over parsed, as an object, and opening said
 * "line 1: not valid JSON ... the file is not an Incumbent log", blaming intact records. Opening
 * must name the column's type instead.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { pgLogsForTests } from './pg-logs.test-support';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-altered-table.test.ts', skipped);
afterAll(() => cluster?.destroy());
const { newLog, create } = pgLogsForTests(cluster, 'altered');

describe.skipIf(!cluster)(`a log table altered by hand${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it("a line column made json is named as such, not taken for damaged records", async () => {
    const url = newLog();
    await create(url);
    const admin = new pg.Client({ connectionString: url.replace(/\?.*/, '') });
    await admin.connect();
    await admin.query('ALTER TABLE incumbent_events ALTER COLUMN line TYPE json USING line::json');
    await admin.end();
    let said = '';
    const code = await main(['verify', '--log', url], { out: (t) => void (said += t), err: (t) => void (said += t), readStdin: async () => '' });
    expect(code).toBe(2);
    expect(said).not.toMatch(/not valid JSON/);
    expect(said).toMatch(/incumbent_events\.line is of type json, not text/);
  }, 60_000);
});
