/**
 * What the PostgreSQL store's suites share: fresh logs on the test cluster, opened logs closed
 * after each test, and a minimal valid event.
 */
import pg from 'pg';
import { afterEach } from 'vitest';
import { parseDraft } from '../../core/validate';
import type { Cluster } from './cluster.test-support';
import { PgEventLog } from './pg-event-log';

/** `newLog()` names a fresh log (`<prefix>-N`); `open()` opens one and closes it after the test; `create()` makes one. */
export function pgLogsForTests(cluster: Cluster | undefined, prefix: string) {
  const opened: PgEventLog[] = [];
  afterEach(async () => {
    while (opened.length) await opened.pop()!.close();
  });
  let n = 0;
  return {
    newLog: () => cluster!.url(`${prefix}-${++n}`),
    open: async (url: string, options: Parameters<typeof PgEventLog.open>[1] = { create: { title: 'Acme' } }) => {
      const log = await PgEventLog.open(url, options);
      opened.push(log);
      return log;
    },
    /** Creates the log and closes it again (for tests whose writers are other processes). */
    create: async (url: string) => (await PgEventLog.open(url, { create: { title: 'Acme' } })).close(),
  };
}

/** A valid statement whose id is also its text. */
export const statementDraft = (id: string) =>
  parseDraft({ id, type: 'statement.made', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: 'p', name: 'P' }, text: id } });

/** A client of the log's database as a new role `role` with only `grants` on the log table (a reader, a writer), made by the log's own user. */
export async function connectAs(url: string, role: string, grants: string): Promise<pg.Client> {
  const server = url.replace(/\?.*/, '');
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE ROLE ${role} LOGIN; GRANT ${grants} ON incumbent_events TO ${role}`);
  await admin.end();
  const client = new pg.Client({ connectionString: server.replace('incumbent@', `${role}@`) });
  await client.connect();
  return client;
}
