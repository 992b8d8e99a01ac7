/**
 * A page of records never ends inside a batch (records appended together): a page that did left
 * the loading window showing a state the log never had (one of a firing and its successor's
 * appointment, say), until the next page came. It runs on to the batch's end instead.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openService } from './service';
import { LogSession } from './session';

const citation = { document: 'Acme press release', quote: 'A statement.' };
const statement = (id: string) => ({ id, type: 'statement.made', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation, person: { id: 'p', name: 'P' }, text: id } });
const seqsOf = (page: { records: Iterable<Uint8Array> }) => (JSON.parse(`[${Buffer.concat([...page.records]).toString('utf8')}]`) as { seq: number }[]).map((r) => r.seq);

it('a page asked to end inside a batch runs on to its end, and one asked to end at its end stops there', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-batches-')), 'log.jsonl');
  const service = await openService(path, { appVersion: 'test', create: { title: 'Acme' } });
  // #1 the log's creation, #2 alone, #3-#5 one batch, #6 alone.
  await service['log:append']({ events: [statement('s2')] });
  await service['log:append']({ events: [statement('s3'), statement('s4'), statement('s5')] });
  await service['log:append']({ events: [statement('s6')] });
  const seqs = async (fromSeq: number, limit: number) => (await service['log:read']({ fromSeq, limit })).records.map((r) => r.seq);
  expect(await seqs(1, 3)).toEqual([1, 2, 3, 4, 5]);
  expect(await seqs(4, 1)).toEqual([4, 5]);
  expect(await seqs(1, 2)).toEqual([1, 2]);
  expect(await seqs(3, 3)).toEqual([3, 4, 5]);
  expect(await seqs(5, 10)).toEqual([5, 6]);
  expect(seqsOf(service.readJson({ fromSeq: 2, limit: 2 }))).toEqual([2, 3, 4, 5]);
  await service.close();

  // And while a session opens it, from the records it has read (all of them, this log being small).
  const session = new LogSession({ appVersion: 'test', live: false });
  await session.open(path);
  expect((await session.handlers()['log:read']({ fromSeq: 1, limit: 3 })).records.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
  await session.close();
});
