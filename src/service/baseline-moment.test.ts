/**
 * Every baseline of a company is dated where the log's coverage of it starts. A second baseline
 * dated later added a director mid-coverage with no change to show for it: `diff` across it said
 * "no changes", and the snapshot before it had no such director.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openService, type LogService } from './service';

const open: LogService[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const citation = { document: 'Acme filings', quote: 'As filed.' };
const START = '2024-01-01T00:00:00Z';
const director = (id: string, time: string, baseline?: boolean) => ({
  id: `${id}-${time.slice(0, 10)}`,
  type: 'board.joined',
  subject: 'acme',
  time,
  timeprecision: 'day',
  data: { certainty: 'confirmed', citation, person: { id, name: id }, ...(baseline ? { baseline } : {}) },
});

async function logWith(...events: object[]) {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-baseline-')), 'log.jsonl');
  const service = await openService(path, { appVersion: 'test', create: { title: 'Acme' } });
  open.push(service);
  if (events.length) await service['log:append']({ events });
  return { service, bytes: () => readFileSync(path) };
}

const refusal = (service: LogService, events: object[]) =>
  service['log:append']({ events }).then(
    () => {
      throw new Error('the append was accepted');
    },
    (error: { field?: string; message: string }) => error,
  );

describe('a baseline is dated where coverage starts', () => {
  it('refuses a later baseline, naming the coverage start, and leaves the log as it was', async () => {
    const { service, bytes } = await logWith(director('ann', START, true));
    const before = bytes();
    const error = await refusal(service, [director('bob', '2024-06-01T00:00:00Z', true)]);
    expect(error.field).toBe('events.0.time');
    expect(error.message).toMatch(/already true when the log's coverage of acme starts, Jan 1, 2024 \(its first baseline, ann-2024-01-01\): date it then, or record what happened at Jun 1, 2024 as a change/);
    expect(bytes().equals(before)).toBe(true);
  });

  it('refuses an earlier one, which would leave the first mid-coverage, and two at different moments in one batch', async () => {
    const { service } = await logWith(director('ann', START, true));
    expect((await refusal(service, [director('bob', '2023-06-01T00:00:00Z', true)])).field).toBe('events.0.time');
    const empty = await logWith();
    expect((await refusal(empty.service, [director('ann', START, true), director('bob', '2024-02-01T00:00:00Z', true)])).field).toBe('events.1.time');
  });

  it('takes more baselines at the same moment, recorded later, and a later change as a change', async () => {
    const { service } = await logWith(director('ann', START, true));
    await service['log:append']({ events: [director('bob', START, true), director('cy', '2024-06-01T00:00:00Z')] });
    expect((await service['log:summary']({})).head.seq).toBe(4);
  });

  it('holds the moment when a batch revises the first baseline but leaves another there: one added later, or the first moved later, is refused', async () => {
    const revise = (id: string, type: string, data: object) => ({ id, type, subject: 'acme', time: START, data: { target: 'ann-2024-01-01', reason: 'wrong', citation, ...data } });
    const { service, bytes } = await logWith(director('ann', START, true), director('bob', START, true));
    const before = bytes();
    const added = await refusal(service, [revise('r1', 'event.retracted', {}), director('cy', '2024-06-01T00:00:00Z', true)]);
    expect(added.field).toBe('events.1.time');
    expect(added.message).toMatch(/\(its first baseline, bob-2024-01-01\)/);
    const moved = await refusal(service, [revise('c1', 'event.corrected', { time: '2024-06-01T00:00:00Z', data: director('ann', START, true).data })]);
    expect(moved.field).toBe('events.0.data.time');
    expect(bytes().equals(before)).toBe(true);
    // Revising both moves the coverage start with them.
    await service['log:append']({ events: [revise('r2', 'event.retracted', {}), { ...revise('r3', 'event.retracted', {}), data: { target: 'bob-2024-01-01', reason: 'wrong', citation } }, director('cy', '2024-06-01T00:00:00Z', true)] });
  });
});
