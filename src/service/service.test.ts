import fc from 'fast-check';
import { holderOf } from '../core/state';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openService, type LogService } from './service';

const open: LogService[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});
const tempLog = () => join(mkdtempSync(join(tmpdir(), 'incumbent-service-')), 'log.jsonl');
const start = async (path = tempLog()) => {
  const service = await openService(path, { appVersion: 'test', create: { title: 'Acme watch' } });
  open.push(service);
  return service;
};
const citation = { document: 'Acme press release', quote: 'Ann Lee joins as CEO.' };
const assumed = (id: string, who = 'ann-lee', time = '2024-05-01T09:00:00-04:00') => ({
  id,
  type: 'role.assumed',
  subject: 'acme',
  time,
  // An instant written in UTC is in the UTC zone; one written with -04:00 is New York's local time.
  timezone: time.endsWith('Z') ? 'UTC' : 'America/New_York',
  data: { certainty: 'confirmed', citation, person: { id: who, name: who }, role: 'CEO' },
});

describe('service', () => {
  it('appends a valid batch and reports what it appended', async () => {
    const s = await start();
    const { appended, skipped } = await s['log:append']({ events: [assumed('a'), assumed('b', 'bob', '2024-06-01T09:00:00-04:00')] });
    expect(appended.map((r) => r.seq)).toEqual([2, 3]);
    expect(skipped).toEqual([]);
    expect((await s['log:summary']({})).companies).toEqual([{ id: 'acme', name: 'acme' }]);
  });

  it('appends nothing when any event of the batch is invalid, and names it', async () => {
    const path = tempLog();
    const s = await start(path);
    const before = readFileSync(path);
    await expect(s['log:append']({ events: [assumed('a'), { ...assumed('b'), time: 'tomorrow' }] })).rejects.toMatchObject({ code: 'invalid', field: 'events.1.time' });
    expect(readFileSync(path)).toEqual(before);
    expect(s.log.ledger.head).toBe(1);
  });

  it('refuses log.created from callers', async () => {
    const s = await start();
    await expect(s['log:append']({ events: [{ type: 'log.created', time: '2024-01-01T00:00:00Z', data: { title: 'x' } }] })).rejects.toMatchObject({ field: 'events.0.type' });
  });

  it('validates corrections against their target, including targets earlier in the same batch', async () => {
    const s = await start();
    const correction = (target: string, data: Record<string, unknown>, subject = 'acme') => ({
      type: 'event.corrected',
      subject,
      time: '2024-05-02T00:00:00Z',
      data: { target, reason: 'Wrong person', citation, data },
    });
    const good = { ...assumed('a').data, person: { id: 'bob', name: 'Bob' } };
    await expect(s['log:append']({ events: [correction('nope', good)] })).rejects.toMatchObject({ field: 'events.0.data.target', message: expect.stringMatching(/no event with id "nope"/) });
    await expect(s['log:append']({ events: [assumed('a'), correction('a', { ...good, role: '' })] })).rejects.toMatchObject({ field: 'events.1.data.data.role' });
    await expect(s['log:append']({ events: [assumed('a'), correction('a', good, 'globex')] })).rejects.toMatchObject({ field: 'events.1.subject' });
    const { appended } = await s['log:append']({ events: [assumed('a'), { ...correction('a', good), id: 'fix-1' }] });
    expect(appended).toHaveLength(2);
    await expect(s['log:append']({ events: [correction('a', good)] })).rejects.toMatchObject({ message: expect.stringMatching(/already revised by "fix-1"/) });
    expect(holderOf(s.log.ledger.stateAt('acme', '2024-06-01T00:00:00Z')!, 'CEO')?.person.id).toBe('bob');
  });

  it('imports JSON Lines and names a line that is not JSON', async () => {
    const s = await start();
    await expect(s['log:import']({ jsonl: `${JSON.stringify(assumed('a'))}\n{oops\n` })).rejects.toMatchObject({ field: 'line 2' });
    expect((await s['log:import']({ jsonl: `${JSON.stringify(assumed('a'))}\n\n` })).appended).toHaveLength(1);
  });

  it('diffs two moments in governance terms', async () => {
    const s = await start();
    await s['log:append']({ events: [assumed('a'), assumed('b', 'bob', '2024-06-01T09:00:00-04:00')] });
    const diff = await s['diff:between']({ from: '2024-05-15T00:00:00Z', to: '2024-06-15T00:00:00Z', company: 'acme' });
    expect(diff.sentences).toEqual(['ann-lee left CEO (replaced)', 'bob became CEO']);
    await expect(s['diff:between']({ from: '2024-05-15T00:00:00Z', to: '2024-06-15T00:00:00Z', company: 'globex' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('builds the same snapshot bytes as the snapshot text the CLI writes', async () => {
    const s = await start();
    await s['log:append']({ events: [assumed('a')] });
    const { json, fileName } = await s['snapshot:build']({ at: '2024-06-01T00:00:00Z' });
    expect(json).toBe(s.snapshotText({ at: '2024-06-01T00:00:00Z' }));
    // In the company's zone (New York), not UTC.
    expect(fileName).toBe('acme-watch-2024-05-31T2000-0400.snapshot.json');
    // Before standard time, New York's offset had seconds (local mean time, -04:56:02): written to the minute, no colon in the name.
    expect((await s['snapshot:build']({ at: '1850-01-01T00:00:00Z' })).fileName).toBe('acme-watch-1849-12-31T1904-0456.snapshot.json');
  });

  it('append then reopen loses nothing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.tuple(fc.constantFrom('ann', 'bob', 'cat'), fc.nat(10_000)), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), async (batches) => {
        const path = tempLog();
        const s = await openService(path, { appVersion: 'test', create: { title: 'P' } });
        let n = 0;
        for (const batch of batches) {
          await s['log:append']({ events: batch.map(([who, minute]) => assumed(`e${n++}`, who, new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString())) });
        }
        const records = [...s.log.ledger.records()].map((r) => JSON.stringify(r));
        const snapshot = s.snapshotText({ at: '2025-01-01T00:00:00Z' });
        s.close();
        const again = await openService(path, { appVersion: 'test' });
        expect([...again.log.ledger.records()].map((r) => JSON.stringify(r))).toEqual(records);
        expect(again.snapshotText({ at: '2025-01-01T00:00:00Z' })).toBe(snapshot);
        again.close();
      }),
      { numRuns: 25 },
    );
  });
});
