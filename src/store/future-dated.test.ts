/** An event dated after the moment it is recorded is refused by the store that stamps that moment, and the log is left as it was. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStoredRecord, parseDraft } from '../core/validate';
import { EventLog } from './event-log';

const logs: EventLog[] = [];
afterEach(() => {
  while (logs.length) logs.pop()!.close();
});

/** The clock the store stamps `recordedtime` with. */
const NOW = new Date('2026-12-04T09:30:00Z');
const join_ = (id: string, time: string, timeprecision = 'minute') =>
  parseDraft({ id, type: 'board.joined', subject: 'acme', time, timeprecision, data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } } });

async function freshLog() {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-future-')), 'log.jsonl');
  const log = await EventLog.open(path, { create: { title: 'Test' }, now: () => NOW });
  logs.push(log);
  return { log, path };
}

describe('a log records what has happened', () => {
  it('refuses a batch with an event dated after it is recorded, naming it, and writes none of the batch', async () => {
    const { log, path } = await freshLog();
    const before = readFileSync(path);
    const batch = [join_('past', '2026-12-04T09:00:00Z'), join_('tomorrow', '2026-12-05T00:00:00Z', 'day')];
    await expect(log.append(batch)).rejects.toMatchObject({ code: 'invalid', field: 'events.1.time', message: expect.stringMatching(/events.1.time: Dec 5, 2026 is after the moment this event is recorded \(Dec 4, 2026, 9:30 AM UTC, 2026-12-04T09:30:00\.000Z\)/) });
    expect(readFileSync(path)).toEqual(before);
    expect(log.ledger.head).toBe(1);
  });

  it('judges what is still to come by the writer\'s clock, not by a recordedtime an earlier writer\'s fast clock carried ahead', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-future-')), 'log.jsonl');
    const fast = await EventLog.open(path, { create: { title: 'Test' }, now: () => new Date('2026-12-06T09:30:00Z') });
    await fast.append([join_('ahead', '2026-12-04T09:00:00Z')]);
    fast.close();
    const log = await EventLog.open(path, { now: () => NOW });
    logs.push(log);
    const before = readFileSync(path);
    await expect(log.append([join_('tomorrow', '2026-12-05T09:00:00Z')])).rejects.toMatchObject({ code: 'invalid', field: 'events.0.time', message: expect.stringMatching(/Dec 5, 2026, 9:00 AM UTC is after the moment this event is recorded \(Dec 4, 2026, 9:30 AM UTC/) });
    expect(readFileSync(path)).toEqual(before);
    // recordedtime still never goes back: a record this writer makes is stamped after the one before it.
    const { appended } = await log.append([join_('now', '2026-12-04T09:15:00Z')]);
    expect(appended[0]!.recordedtime).toBe('2026-12-06T09:30:00.000Z');
  });

  it('takes a time whose period is under way: today, known to the day', async () => {
    const { log } = await freshLog();
    const { appended } = await log.append([join_('today', '2026-12-04T12:00:00Z', 'day')]);
    expect(appended).toHaveLength(1);
  });

  it('refuses a correction that moves a fact into the future, at the corrected time', async () => {
    const { log, path } = await freshLog();
    await log.append([join_('joined', '2026-12-01T10:00:00Z')]);
    const before = readFileSync(path);
    const correction = parseDraft({ id: 'moved', type: 'event.corrected', subject: 'acme', time: '2026-12-04T09:00:00Z', data: { target: 'joined', reason: 'Wrong date.', citation: { document: 'd', quote: 'q' }, time: '2026-12-24T10:00:00Z', data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, person: { id: 'p-joined', name: 'Person joined' } } } });
    await expect(log.append([correction])).rejects.toMatchObject({ code: 'invalid', field: 'events.0.data.time', message: expect.stringMatching(/events.0.data.time: Dec 24, 2026, 10:00 AM UTC is after/) });
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a correction that only narrows the precision of a fact whose finer time is still to come', async () => {
    const { log, path } = await freshLog();
    // Known to the day, 4 December is under way at 09:30; at the minute, 23:00 is still to come.
    await log.append([join_('tonight', '2026-12-04T23:00:00Z', 'day')]);
    const before = readFileSync(path);
    const narrowed = parseDraft({ id: 'narrowed', type: 'event.corrected', subject: 'acme', time: '2026-12-04T09:00:00Z', data: { target: 'tonight', reason: 'The filing gives the minute.', citation: { document: 'd', quote: 'q' }, timeprecision: 'minute', data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, person: { id: 'p-tonight', name: 'Person tonight' } } } });
    await expect(log.append([narrowed])).rejects.toMatchObject({ code: 'invalid', field: 'events.0.data.timeprecision', message: expect.stringMatching(/Dec 4, 2026, 11:00 PM UTC is after/) });
    expect(readFileSync(path)).toEqual(before);
  });

  it('reads a correction of a correction in the same batch at the fact\'s precision and zone, not the first correction\'s own', async () => {
    const { log, path } = await freshLog();
    await log.append([join_('joined', '2026-12-01T10:00:00Z')]);
    const before = readFileSync(path);
    const correct = (id: string, target: string, time: string, timeprecision: string, data: object) =>
      parseDraft({ id, type: 'event.corrected', subject: 'acme', time, timeprecision, data: { target, reason: 'Wrong.', citation: { document: 'd', quote: 'q' }, ...data, data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, person: { id: 'p-joined', name: 'Person joined' } } } });
    // The first correction is itself dated to the year; the fact it makes is still known to the minute.
    const batch = [correct('first', 'joined', '2026-06-01T00:00:00Z', 'year', {}), correct('second', 'first', '2026-12-04T09:00:00Z', 'minute', { time: '2026-12-31T10:00:00Z' })];
    await expect(log.append(batch)).rejects.toMatchObject({ code: 'invalid', field: 'events.1.data.time', message: expect.stringMatching(/Dec 31, 2026, 10:00 AM UTC is after/) });
    expect(readFileSync(path)).toEqual(before);
  });

  it('names a record written before the rule, dated after its recordedtime, as verify reads it', () => {
    const record = { specversion: '1.0', id: 'old', source: 'urn:test', type: 'board.joined', subject: 'acme', time: '2030-01-01T00:00:00Z', timeprecision: 'day', timezone: 'UTC', datacontenttype: 'application/json', seq: 2, prevhash: '0'.repeat(64), recordedtime: '2026-12-04T09:30:00.000Z', data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, person: { id: 'p', name: 'P' } } };
    expect(checkStoredRecord(record)).toMatch(/^time: Jan 1, 2030 is after the moment this event is recorded/);
    expect(checkStoredRecord({ ...record, time: '2026-12-04T00:00:00Z' })).toBeUndefined();
  });

  it('refuses a citation published after the event is recorded', async () => {
    const { log, path } = await freshLog();
    const before = readFileSync(path);
    const cited = parseDraft({ id: 'cited', type: 'board.joined', subject: 'acme', time: '2026-12-01T10:00:00Z', data: { certainty: 'reported', citation: { document: 'd', quote: 'q', published: '2026-12-05T08:00:00Z' }, person: { id: 'p', name: 'P' } } });
    await expect(log.append([cited])).rejects.toMatchObject({ code: 'invalid', field: 'events.0.data.citation.published', message: expect.stringContaining('a source is cited once it is published') });
    expect(readFileSync(path)).toEqual(before);
    await log.append([join_('joined', '2026-12-01T10:00:00Z')]);
    const recited = parseDraft({ id: 'recited', type: 'event.corrected', subject: 'acme', time: '2026-12-04T09:00:00Z', data: { target: 'joined', reason: 'Better source.', citation: { document: 'd', quote: 'q' }, data: { certainty: 'reported', citation: { document: 'd2', quote: 'q2', published: '2027-01-01T00:00:00Z' }, person: { id: 'p-joined', name: 'Person joined' } } } });
    await expect(log.append([recited])).rejects.toMatchObject({ field: 'events.0.data.data.citation.published' });
  });
});

