/**
 * The replay worker run in Node, with a stand-in `self` and `fetch`: the page's messages posted
 * through a MessagePort, in the orders `useLog` can post them (from an outside review).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate';
import type { EventRecord } from '../core/event';
import { answers, type MomentState } from './replay-protocol';

type Reply = { id: number; ok: boolean; value?: unknown; message?: string };
const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
/** The server's answers to `log:read`, by fromSeq: those held wait until released. */
const held = new Map<number, () => void>();
let served: (fromSeq: number, limit: number) => EventRecord[];
/** Every buffer the worker's answers handed over (emptied on its side), in order. */
const handedOver: ArrayBuffer[] = [];
let next = 0;
let port: MessagePort;
const dir = mkdtempSync(join(tmpdir(), 'incumbent-worker-'));

beforeAll(async () => {
  const scope = globalThis as Record<string, unknown>;
  scope.self = globalThis;
  // As a browser posts: cloned, and the buffers the worker hands over emptied on its side.
  scope.postMessage = (sent: Reply, transfer: Transferable[] = []) => {
    handedOver.push(...(transfer as ArrayBuffer[]));
    const reply = structuredClone(sent, { transfer });
    const asked = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) asked?.resolve(reply.value);
    else asked?.reject(new Error(reply.message));
  };
  scope.fetch = async (_url: string, init: { body: string }) => {
    const { fromSeq, limit } = JSON.parse(init.body) as { fromSeq: number; limit: number };
    const records = served(fromSeq, limit);
    await new Promise<void>((resolve) => (held.has(fromSeq) ? held.set(fromSeq, resolve) : resolve()));
    return { json: async () => ({ ok: true, value: { records } }) };
  };
  await import('./replay.worker');
  const channel = new MessageChannel();
  channel.port2.onmessage = (message) => (scope.onmessage as (message: MessageEvent) => void)(message);
  port = channel.port1;
});
afterAll(() => {
  port.close();
  rmSync(dir, { recursive: true, force: true });
});

const ask = <T = { head: number }>(request: Record<string, unknown>): Promise<T> =>
  new Promise((resolve, reject) => {
    const id = next++;
    waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
    port.postMessage({ id, request });
  });
const hold = (fromSeq: number) => held.set(fromSeq, () => {});
const release = (fromSeq: number) => {
  held.get(fromSeq)!();
  held.delete(fromSeq);
};
const moment = () => new Promise((resolve) => setTimeout(resolve, 20));
const logOf = async (events: number, name: string): Promise<EventRecord[]> => {
  const path = join(dir, `${name}.jsonl`);
  await generateLog(path, events);
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as EventRecord);
};

const ANN = { id: 'ann', name: 'Ann Lee' };

/** A reported fact recorded after the last of `before` (the next seq; in UTC unless a zone is given). */
const factAfter = (before: EventRecord[], fact: { id: string; subject: string; type: string; time: string; timeprecision: string; timezone?: string; data: object }) =>
  ({ ...before.at(-1)!, seq: before.at(-1)!.seq + 1, timezone: 'UTC', ...fact, data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, ...fact.data } }) as unknown as EventRecord;

/** The worker's log replaced by `records`. */
const load = async (records: EventRecord[]) => {
  await ask({ op: 'reset' });
  await ask({ op: 'add', records });
};

/** The ids of the facts the state at `at` says may or may not have happened by then. */
const uncertainAt = async (company: string, at: string) => (await ask<MomentState>({ op: 'state', company, at: Date.parse(at) })).uncertain.map((u) => u.eventId);

describe('the replay worker, as useLog posts to it', () => {
  it('takes in an event the page appends while its log loads: the records after the page head, posted with it, come after pages that hold some of them', async () => {
    const all = await logOf(12_001, 'appended'); // the summary said 12,000; the 12,001st is the page's own append
    served = (fromSeq, limit) => all.slice(fromSeq - 1, Math.min(fromSeq - 1 + limit, 12_000));
    await ask({ op: 'reset' });
    expect((await ask({ op: 'fetch', token: 't', fromSeq: 1, limit: 2_000 })).head).toBe(2_000);
    hold(2_001);
    hold(6_001);
    const pages = [ask({ op: 'fetch', token: 't', fromSeq: 2_001, limit: 4_000 }), ask({ op: 'fetch', token: 't', fromSeq: 6_001, limit: 6_000 })];
    // The append's answer: `take` reads what follows the page's head (2,000) and posts it with the new record.
    const appended = ask({ op: 'add', records: all.slice(2_000) });
    await moment();
    release(2_001);
    release(6_001);
    expect(await Promise.all(pages)).toEqual([{ head: 6_000 }, { head: 12_000 }]);
    expect(await appended).toEqual({ head: 12_001 });
    const rows = await ask<{ record: EventRecord }[]>({ op: 'rows', seqs: [1, 6_000, 12_001] });
    expect(rows.map((row) => row.record.id)).toEqual([all[0]!.id, all[5_999]!.id, all[12_000]!.id]);
  });

  it('refuses a page of the log it had before a reset, rather than add it to the next log', async () => {
    const first = await logOf(3_000, 'first');
    const second = (await logOf(3_000, 'second')).map((record) => ({ ...record, id: `second-${record.id}` }));
    let source = first;
    served = (fromSeq, limit) => source.slice(fromSeq - 1, fromSeq - 1 + limit);
    await ask({ op: 'reset' });
    hold(1);
    const stale = ask({ op: 'fetch', token: 't', fromSeq: 1, limit: 2_000 });
    await moment();
    await ask({ op: 'reset' });
    source = second;
    release(1);
    await expect(stale).rejects.toThrow(/another log was loaded/);
    expect(await ask({ op: 'fetch', token: 't', fromSeq: 1, limit: 2_000 })).toEqual({ head: 2_000 });
    const rows = await ask<{ record: EventRecord }[]>({ op: 'rows', seqs: [2] });
    expect(rows[0]!.record.id).toBe(second[1]!.id);
  });

  it("hands a view's and a filter's arrays over, and never one it keeps: asked again, it answers the same", async () => {
    const all = await logOf(3_000, 'handed');
    served = (fromSeq, limit) => all.slice(fromSeq - 1, fromSeq - 1 + limit);
    await ask({ op: 'reset' });
    await ask({ op: 'fetch', token: 't', fromSeq: 1, limit: 3_000 });
    const company = (await ask<{ id: string }[]>({ op: 'companies' }))[0]!.id;
    const knownAt = all[1_500]!.recordedtime;
    for (const knowing of [{}, { knownAt }]) {
      handedOver.length = 0;
      const first = await ask<{ times: Float64Array; seqs: Float64Array }>({ op: 'view', company, ...knowing });
      expect(handedOver).toHaveLength(5);
      expect(handedOver.every((buffer) => buffer.byteLength === 0)).toBe(true);
      expect(first.times.length).toBeGreaterThan(0);
      expect(await ask({ op: 'view', company, ...knowing })).toEqual(first);
      const filter = { kind: '', text: 'person', hideRumoured: false };
      const matches = await ask<Int32Array>({ op: 'filter', company, ...knowing, filter });
      expect(matches.length).toBeGreaterThan(0);
      expect(await ask({ op: 'filter', company, ...knowing, filter })).toEqual(matches);
    }
    // Answers made of what the worker keeps hand nothing over.
    handedOver.length = 0;
    await ask({ op: 'state', company, at: Date.parse(all[2_999]!.time) });
    await ask({ op: 'rows', seqs: [1, 2] });
    expect(handedOver).toEqual([]);
  });

  it('a state says which question it answers, so the page can tell it from the answer on its way', async () => {
    const all = await logOf(1_000, 'question');
    served = (fromSeq, limit) => all.slice(fromSeq - 1, fromSeq - 1 + limit);
    await ask({ op: 'reset' });
    await ask({ op: 'fetch', token: 't', fromSeq: 1, limit: 1_000 });
    const [first, second] = (await ask<{ id: string }[]>({ op: 'companies' })).map((c) => c.id);
    const at = Date.parse(all[999]!.time);
    const knownAt = all[500]!.recordedtime;
    const plain = await ask<MomentState>({ op: 'state', company: first, at });
    const published = await ask<MomentState>({ op: 'state', company: first, at, knownAt, knownBy: 'published' });
    const recorded = await ask<MomentState>({ op: 'state', company: first, at, knownAt });
    expect(answers(plain, { company: first!, at })).toBe(true);
    expect(answers(plain, { company: second!, at })).toBe(false);
    expect(answers(plain, { company: first!, at: at + 1 })).toBe(false);
    expect(answers(plain, { company: first!, at, knownAt })).toBe(false);
    expect(answers(published, { company: first!, at, knownAt, knownBy: 'published' })).toBe(true);
    expect(answers(published, { company: first!, at, knownAt, knownBy: 'recorded' })).toBe(false);
    // Known by what was recorded unless said otherwise, on both sides.
    expect(answers(recorded, { company: first!, at, knownAt })).toBe(true);
    expect(answers(recorded, { company: first!, at, knownAt, knownBy: 'published' })).toBe(false);
  });

  it('names a fact known only to the year as uncertain at any moment of that year, however far from its written instant', async () => {
    const all = await logOf(3_000, 'year'); // a month of events from 1 January 2000, to the minute
    const company = all[1]!.subject!;
    const cto = factAfter(all, { id: 'cto-2000', subject: company, type: 'role.assumed', time: '2000-06-01T00:00:00Z', timeprecision: 'year', data: { person: ANN, role: 'CTO' } });
    await load([...all, cto]);
    // In January, five months and thousands of events from the instant written: the year holds it.
    expect(await uncertainAt(company, '2000-01-20T00:00:00Z')).toContain('cto-2000');
    expect(await uncertainAt(company, '2001-01-20T00:00:00Z')).not.toContain('cto-2000');
  });

  it('names a fact known only to the day as uncertain later that day, however many events stand between (a busy day of a large log)', async () => {
    const all = await logOf(300, 'busy-day');
    const company = all[1]!.subject!;
    const fired = factAfter(all, { id: 'fired', subject: company, type: 'role.vacated', time: '2000-03-10T00:00:00Z', timeprecision: 'day', data: { person: ANN, role: 'CEO' } });
    // 2,500 of the company's events that afternoon, each known to the minute, all after the day fact's written instant.
    const busy: EventRecord[] = [];
    for (let i = 0; i < 2_500; i++) busy.push(factAfter([busy.at(-1) ?? fired], { id: `count-${i}`, subject: company, type: 'workforce.reported', time: new Date(Date.parse('2000-03-10T12:00:00Z') + i * 1_000).toISOString(), timeprecision: 'minute', data: { headcount: 100 + i } }));
    await load([...all, fired, ...busy]);
    expect(await uncertainAt(company, '2000-03-10T20:00:00Z')).toContain('fired');
    expect(await uncertainAt(company, '2000-03-11T08:00:00Z')).not.toContain('fired');
  });

  it('names a fact known only to a day of 26 hours as uncertain in its last hour (Magadan, 26 Oct 2014: +12 to +10)', async () => {
    const all = await logOf(300, 'long-day');
    const company = all[1]!.subject!;
    const fired = factAfter(all, { id: 'fired', subject: company, type: 'role.vacated', time: '2014-10-26T00:00:00+12:00', timeprecision: 'day', timezone: 'Asia/Magadan', data: { person: ANN, role: 'CEO' } });
    await load([...all, fired]);
    // 23:30 on the 26th in Magadan (+10), 25.5 hours after the day began (+12).
    expect(await uncertainAt(company, '2014-10-26T23:30:00+10:00')).toContain('fired');
  });
});
