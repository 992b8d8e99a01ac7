/**
 * `log:changes` against a real PostgreSQL (a throwaway cluster): a batch another writer commits is
 * answered whole to a live reader, however large, so a page following the log never shows part of
 * one (its next long poll would bring the rest, but the page shows the state between). Skipped,
 * saying why, where PostgreSQL cannot start.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from '../store/postgres/cluster.test-support';
import { openService } from './service';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('changes-whole-batch.pg.test.ts', skipped);
afterAll(() => cluster?.destroy());

const statement = (id: string) => ({ id, type: 'statement.made', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: 'p', name: 'P' }, text: id } });

describe.skipIf(!cluster)('log:changes answers whole batches', () => {
  it('a batch larger than one answer holds comes whole, not cut at the answer limit', async () => {
    const url = cluster!.url('big-batch');
    const writer = await openService(url, { appVersion: 'test', create: { title: 'Acme' } });
    const reader = await openService(url, { appVersion: 'test', live: true });
    try {
      const since = reader.log.ledger.head;
      const waiting = reader['log:changes']({ sinceSeq: since, timeoutMs: 20_000 });
      await writer['log:append']({ events: Array.from({ length: 10_005 }, (_, i) => statement(`s${i}`)) });
      const { records, head } = await waiting;
      expect(head).toBe(since + 10_005);
      const last = records.at(-1)!;
      // Every record of the answer belongs to a batch that ends within it.
      expect(records.every((r) => (r.batchend ?? r.seq) <= last.seq)).toBe(true);
      expect(last.seq).toBe(head);
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  }, 60_000);
});
