/**
 * `log:changes`, the long poll a page uses to stay current: on a file log it hears this process's
 * appends; on a live PostgreSQL log it hears every process's, within a second.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from '../store/postgres/cluster.test-support';
import { createWebHost } from '../server/http';
import { openService, type LogService } from './service';
import { LogSession } from './session';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('changes.test.ts on PostgreSQL', skipped);
afterAll(() => cluster?.destroy());

const services: LogService[] = [];
afterEach(async () => {
  while (services.length) await services.pop()!.close();
});
const open = async (where: string, create = false) => {
  const service = await openService(where, { appVersion: 'test', live: true, ...(create ? { create: { title: 'Acme' } } : {}) });
  services.push(service);
  return service;
};
const statement = (id: string) => ({ id, type: 'statement.made', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: 'p', name: 'P' }, text: id } });

describe('log:changes on a file log', () => {
  it('answers at once when behind, waits for an append, and times out with nothing', async () => {
    const s = await open(join(mkdtempSync(join(tmpdir(), 'incumbent-changes-')), 'log.jsonl'), true);
    expect(await s['log:changes']({ sinceSeq: 0 })).toMatchObject({ head: 1, records: [{ seq: 1, type: 'log.created' }] });
    expect(await s['log:changes']({ sinceSeq: 1, timeoutMs: 50 })).toEqual({ records: [], head: 1 });
    const waiting = s['log:changes']({ sinceSeq: 1 });
    await s['log:append']({ events: [statement('a')] });
    expect(await waiting).toMatchObject({ head: 2, records: [{ seq: 2, id: 'a' }] });
    const pending = s['log:changes']({ sinceSeq: 2 });
    await s.close();
    services.pop();
    expect(await pending).toMatchObject({ records: [], head: 2 });
  });
});

describe('log:changes over the web host', () => {
  it('is a long poll over HTTP: the request is answered when another caller appends', async () => {
    const session = new LogSession({ appVersion: 'test', live: true });
    await session.open(join(mkdtempSync(join(tmpdir(), 'incumbent-changes-')), 'log.jsonl'), 'Acme');
    const server = createWebHost({ handlers: session.handlers(), staticDir: tmpdir(), token: 't0ken' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const call = (operation: string, body: unknown) =>
        fetch(`http://127.0.0.1:${port}/api/${operation}`, { method: 'POST', headers: { authorization: 'Bearer t0ken', 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
      const waiting = call('log:changes', { sinceSeq: 1 });
      await new Promise((r) => setTimeout(r, 100));
      await call('log:append', { events: [statement('over-http')] });
      expect(await waiting).toMatchObject({ ok: true, value: { head: 2, records: [{ seq: 2, id: 'over-http' }] } });
      expect(await call('log:changes', { sinceSeq: -1 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'sinceSeq' } });
    } finally {
      server.close();
      await session.close();
    }
  });
});

describe.skipIf(!cluster)(`log:changes on a live PostgreSQL log${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('a page waiting on one process hears an append made by another, within a second', async () => {
    const url = cluster!.url('changes');
    const writer = await open(url, true);
    const reader = await open(url);
    const waiting = reader['log:changes']({ sinceSeq: 1 });
    const start = Date.now();
    await writer['log:append']({ events: [statement('from-writer')] });
    expect(await waiting).toMatchObject({ head: 2, records: [{ seq: 2, id: 'from-writer' }] });
    expect(Date.now() - start).toBeLessThan(1000);
    // The reader decides its own appends against what it heard: the writer's event is already there.
    expect((await reader['log:append']({ events: [statement('from-writer')] })).skipped).toEqual(['from-writer']);
  });
});
