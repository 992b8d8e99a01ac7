/**
 * The app orders times to the millisecond (an instant is milliseconds since the epoch, as
 * JavaScript's), and used to take a time with more digits after the seconds, cutting the rest off
 * unsaid. Two events within one millisecond were then ordered by the log, not by their times: Bob
 * could leave the board at .0001 s after joining it at .0009 s, a contradiction on the page of any
 * reader who takes the times as written. Found by appending such a pair with the CLI.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from '../cli/run-cli.test-support';
import { parseArgs } from './contract';
import { checkStoredRecord, parseDraft } from './validate';
import { InputDateTime } from './vocabulary';

const event = (id: string, type: string, time: string, extra: object = {}) =>
  JSON.stringify({ id, type, subject: 'acme', time, timeprecision: 'second', data: { certainty: 'confirmed', citation: { document: 'A gazette', quote: 'Bob joins.' }, person: { id: 'bob', name: 'Bob' }, ...extra } });

describe('a time more precise than a millisecond', () => {
  it.each(['2024-01-05T00:00:00.0001Z', '2024-01-05T00:00:00.123456-08:00', '2024-01-05T00:00:00.1234567890Z'])('%s is refused, saying why', (time) => {
    const parsed = InputDateTime.safeParse(time);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/at most 3 digits after the seconds/);
    expect(() => parseArgs('snapshot:build', { at: time })).toThrow(/at: must give at most 3 digits/);
    expect(() => parseArgs('bookmarks:add', { bookmark: { name: 'B', company: 'acme', at: time } })).toThrow(/bookmark\.at: must give at most 3 digits/);
  });

  it.each(['2024-01-05T00:00:00Z', '2024-01-05T00:00:00.1Z', '2024-01-05T00:00:00.123-08:00'])('%s is taken', (time) => {
    expect(InputDateTime.safeParse(time).success).toBe(true);
    expect(() => parseDraft(JSON.parse(event('a', 'board.joined', time.replace('-08:00', 'Z'))))).not.toThrow();
  });

  it('is refused by append, which writes nothing, so one event cannot be put before another within a millisecond', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-submilli-'));
    const log = join(dir, 'acme.jsonl');
    expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
    const before = readFileSync(log, 'utf8');
    writeFileSync(join(dir, 'events.jsonl'), `${event('a', 'board.joined', '2024-01-05T00:00:00.0009Z')}\n${event('b', 'board.left', '2024-01-05T00:00:00.0001Z', { cause: 'resigned' })}\n`);
    const { code, err } = await run(['append', '--log', log, join(dir, 'events.jsonl')]);
    expect(err).toMatch(/event 1\.time: .*at most 3 digits after the seconds/);
    expect(code).toBe(1);
    expect(readFileSync(log, 'utf8')).toBe(before);
  });

  it('in a citation, or in what a correction makes of its target, is refused, naming the field', () => {
    const published = JSON.parse(event('a', 'board.joined', '2024-01-05T00:00:00Z'));
    published.data.citation.published = '2024-01-05T00:00:00.00001Z';
    expect(() => parseDraft(published, 'event 1')).toThrow(expect.objectContaining({ field: 'event 1.data.citation.published', message: expect.stringMatching(/at most 3 digits/) }));
    const correction = { id: 'c', type: 'event.corrected', subject: 'acme', time: '2024-01-08T00:00:00Z', data: { target: 'a', reason: 'The date.', citation: { document: 'd', quote: 'q' }, time: '2024-01-07T00:00:00.12345Z', data: published.data } };
    expect(() => parseDraft(correction)).toThrow(expect.objectContaining({ field: 'data.time' }));
  });

  it('in a record written before the rule is read as written: the log opens, and replay is unchanged', () => {
    const record = { ...JSON.parse(event('a', 'board.joined', '2024-01-05T00:00:00.0009Z')), seq: 2, prevhash: '0'.repeat(64), recordedtime: '2024-01-06T00:00:00.000Z', timezone: 'UTC' };
    expect(checkStoredRecord(record)).toBeUndefined();
  });
});
