/**
 * The behaviours every log store must share, run against each: the JSON Lines file and, where a
 * PostgreSQL server can be started, the shared PostgreSQL store. Same lines, same chain, same
 * idempotency, same all-or-nothing batches.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/event';
import { parseDraft } from '../core/validate';
import { openLogStore, type LogStore, type OpenOptions } from './log-store';
import { clusterForTests, sayWhySkipped } from './postgres/cluster.test-support';
import { GENESIS_HASH, sha256 } from './seal';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('log-store.test.ts on PostgreSQL', skipped);
afterAll(() => cluster?.destroy());

let n = 0;
const stores = [
  { name: 'file', available: true, location: () => join(mkdtempSync(join(tmpdir(), 'incumbent-store-')), 'log.jsonl') },
  { name: `postgres${skipped ? ` (skipped: ${skipped})` : ''}`, available: !!cluster, location: () => cluster!.url(`shared-${process.pid}-${++n}`) },
];

const draft = (id: string, minute = 0) =>
  parseDraft({
    id,
    type: 'board.joined',
    subject: 'acme',
    time: new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString(),
    data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } },
  });

describe.each(stores)('a log store: $name', ({ available, location }) => {
  const open: LogStore[] = [];
  const openStore = async (where: string, options: OpenOptions = { create: { title: 'Acme' } }) => {
    const store = await openLogStore(where, options);
    open.push(store);
    return store;
  };
  afterEach(async () => {
    while (open.length) await open.pop()!.close();
  });

  it.skipIf(!available)('creates a log whose first record is log.created, and appends survive a reopen', async () => {
    const where = location();
    const log = await openStore(where);
    await log.append([draft('a'), draft('b', 5)]);
    const head = log.hashOf(3);
    await log.close();
    const again = await openStore(where, {});
    expect(again.ledger.title).toBe('Acme');
    expect([...again.ledger.records()].map((r) => r.type)).toEqual(['log.created', 'board.joined', 'board.joined']);
    expect(again.hashOf(3)).toBe(head);
  });

  it.skipIf(!available)('seals seq, prevhash, recordedtime and batchend, and chains each line to the one before', async () => {
    const log = await openStore(location());
    const { appended } = await log.append([draft('a'), draft('b'), draft('c')]);
    expect(appended.map((r) => [r.seq, r.batchend])).toEqual([[2, 4], [3, 4], [4, 4]]);
    const [single] = (await log.append([draft('d')])).appended;
    expect(single).not.toHaveProperty('batchend');
    const records = [...log.ledger.records()];
    expect(records[0]!.prevhash).toBe(GENESIS_HASH);
    records.forEach((r, i) => {
      expect(log.hashOf(i + 1)).toBe(sha256(JSON.stringify(r)));
      if (i > 0) expect(r.prevhash).toBe(log.hashOf(i));
    });
  });

  it.skipIf(!available)('an id already in the log is a no-op; the same id with other content is a conflict naming it', async () => {
    const log = await openStore(location());
    await log.append([draft('a')]);
    expect(await log.append([draft('a')])).toEqual({ appended: [], skipped: ['a'] });
    await expect(log.append([draft('b'), draft('a', 9)])).rejects.toMatchObject({ code: 'conflict', field: 'events.1.id', message: expect.stringMatching(/id "a" is already used by record #2 with a different time/) });
    expect(log.ledger.head).toBe(2);
  });

  it.skipIf(!available)('a batch that fails to validate leaves nothing: the function form decides against the state', async () => {
    const where = location();
    const log = await openStore(where);
    const seen: number[] = [];
    await expect(
      log.append((state) => {
        seen.push(state.head);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await log.append((state) => (state.head === 1 ? [draft('x')] : []));
    // Every call saw the log's true state (a shared store may decide twice: first without its lock, then under it).
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(new Set(seen)).toEqual(new Set([1]));
    await log.close();
    expect([...(await openStore(where, {})).ledger.records()].map((r) => r.id).slice(1)).toEqual(['x']);
  });

  it.skipIf(!available)('tells listeners of every batch, and refuses appends when opened read-only', async () => {
    const where = location();
    const log = await openStore(where);
    const heard: EventRecord[][] = [];
    log.onAppended((records) => heard.push([...records]));
    await log.append([draft('a'), draft('b')]);
    expect(heard.map((b) => b.map((r) => r.seq))).toEqual([[2, 3]]);
    const reader = await openStore(where, { readOnly: true });
    expect(reader.ledger.head).toBe(3);
    await expect(reader.append([draft('z')])).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/read-only/) });
  });

  it.skipIf(!available)('opening a log that does not exist, without create, is not-found', async () => {
    await expect(openLogStore(location(), {})).rejects.toMatchObject({ code: 'not-found' });
    await expect(openLogStore(location(), { readOnly: true })).rejects.toMatchObject({ code: 'not-found' });
  });
});
