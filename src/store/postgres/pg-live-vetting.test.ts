/**
 * A live log (the web mode's) hears of rows other clients insert. The table's trigger checks only
 * the chain, so anyone with INSERT can add a correctly chained record that `verify` refuses (a
 * retraction of no event, a record of the wrong shape). Such a record must never join the ledger
 * of a log already open, as it would never join one being opened. Against a real PostgreSQL.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { pgLogsForTests, statementDraft } from './pg-logs.test-support';
import { sha256 } from '../seal';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-live-vetting.test.ts', skipped);
afterAll(() => cluster?.destroy());

const { newLog, open } = pgLogsForTests(cluster, 'vet');

/** Inserts `record` as the next row of log `name`, chained to its last line, as a client that skips the app would, and tells listeners. */
async function insertBehindTheApp(url: string, record: Record<string, unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url.replace(/\?.*/, '') });
  await client.connect();
  try {
    const name = new URL(url).searchParams.get('log')!;
    const { rows } = await client.query<{ seq: string; line: string }>('SELECT seq, line FROM incumbent_events WHERE log = $1 ORDER BY seq DESC LIMIT 1', [name]);
    const seq = Number(rows[0]!.seq) + 1;
    const line = JSON.stringify({ ...record, seq, prevhash: sha256(rows[0]!.line) });
    await client.query('INSERT INTO incumbent_events (log, seq, id, line) VALUES ($1, $2, $3, $4)', [name, seq, record.id, line]);
    await client.query('SELECT pg_notify($1, $2)', ['incumbent_events', JSON.stringify({ log: name, head: seq })]);
  } finally {
    await client.end();
  }
}

const sealedLike = (id: string, type: string, data: unknown) => ({ specversion: '1.0', id, source: 'urn:incumbent:user', type, subject: 'acme', time: '2024-01-01T00:00:00Z', timeprecision: 'minute', timezone: 'UTC', recordedtime: '2024-01-02T00:00:00.000Z', datacontenttype: 'application/json', data });

describe.skipIf(!cluster)(`a live PostgreSQL log vets what others insert${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  const forgeries = {
    'a retraction of an event that is not in the log': sealedLike('forged-retraction', 'event.retracted', { target: 'no-such-event', reason: 'wrong', citation: { document: 'd', quote: 'q' } }),
    'a statement with no citation': sealedLike('forged-shape', 'statement.made', { certainty: 'confirmed', person: { id: 'p', name: 'P' }, text: 't' }),
  };

  for (const [what, forged] of Object.entries(forgeries)) {
    it(`${what}: never joins the open log, and nothing is appended on top of it`, { timeout: 30_000 }, async () => {
      const url = newLog();
      const log = await open(url);
      await log.append([statementDraft('before')]);
      const watcher = await open(url, { live: true });
      const heard: number[] = [];
      watcher.onAppended((records) => heard.push(...records.map((r) => r.seq)));
      await insertBehindTheApp(url, forged);
      // NOTIFY arrives well under a second (pg-event-log.test.ts); give the catch-up time to run.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(watcher.ledger.head).toBe(2);
      expect(watcher.ledger.byId(forged.id)).toBeUndefined();
      expect(heard).toEqual([]);
      // The host would otherwise chain its next append to the forged record, and serve it.
      await expect(watcher.append([statementDraft('after')])).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 3: /) });
      await expect(watcher.refresh()).rejects.toMatchObject({ code: 'damaged' });
      expect(watcher.ledger.head).toBe(2);
      // Opened anew, the log is refused the same way.
      await expect(open(url, {})).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 3: /) });
    });
  }
});
