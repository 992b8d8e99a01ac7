/** The check that ends a copy into PostgreSQL, against a real server. Skipped, saying why, without one. */
import { afterAll, describe, expect, it } from 'vitest';
import { parseDraft } from '../../core/validate';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { checkCopy } from './pg-check-copy';
import { PgEventLog } from './pg-event-log';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-check-copy.test.ts', skipped);
afterAll(() => cluster?.destroy());

const draft = (id: string) =>
  parseDraft({ id, type: 'statement.made', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: 'p', name: 'P' }, text: id } });

describe.skipIf(!cluster)('checking a copy into PostgreSQL', () => {
  it('passes lines identical to the source, and names the first record that differs or is missing', async () => {
    const url = cluster!.url('copied');
    const log = await PgEventLog.open(url, { create: { title: 'Acme' } });
    await log.append([draft('a'), draft('b')]);
    await log.append([draft('c')]);
    const hashOf = (seq: number) => log.hashOf(seq);
    await expect(checkCopy(url, hashOf, 4)).resolves.toBeUndefined();
    // Records appended after the copy's head are someone else's, not damage.
    await expect(checkCopy(url, hashOf, 3)).resolves.toBeUndefined();
    await expect(checkCopy(url, (seq) => (seq === 3 ? '0'.repeat(64) : hashOf(seq)), 4)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/differs from the source at #3/) });
    await expect(checkCopy(url, hashOf, 5)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/ends at #4, not at #5/) });
    await log.close();
  });

  it('a server gone before the read-back says the copy was committed and how to check it, not that nothing was written', async () => {
    const url = cluster!.url('copied-then-gone');
    const log = await PgEventLog.open(url, { create: { title: 'Acme' } });
    await log.close();
    cluster!.stop();
    try {
      const said = await checkCopy(url, (seq) => log.hashOf(seq), 1).then(() => 'checked', (error: Error) => error.message);
      expect(said).not.toMatch(/nothing was written/);
      expect(said).toMatch(/committed.*verify --log .*--head 1:/);
    } finally {
      cluster!.start();
    }
  }, 60_000);
});
