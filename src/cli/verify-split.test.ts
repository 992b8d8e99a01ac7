/**
 * `verify` on a large log checks the records each thread parses as it reads them (see
 * `check-lines.ts`). Checked on one thread is the reference: whatever the log holds, on either side
 * of the point where the worker's share starts, the answer must be the same.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../store/event-log';
import { largeLog, sealed, type LogRecord } from '../store/large-log.test-support';
import { sha256 } from '../store/seal';
import { verifyLog } from './verify';

type Record = LogRecord;

const dir = mkdtempSync(join(tmpdir(), 'incumbent-verify-split-'));
let base: Record[];
/** Index of the first record the worker checks. */
let first: number;

beforeAll(async () => {
  ({ records: base, first } = await largeLog(dir));
}, 60_000);

/** The log with `edits` made (by index), each record chained to the one before; no head anchor, but its last record's head, as published. */
let files = 0;
const heads = new Map<string, string>();
function write(edits: Map<number, Edit>): string {
  const path = join(dir, `${(files += 1)}.jsonl`);
  const lines = sealed(base.map((record, index) => edits.get(index)?.(structuredClone(record)) ?? record));
  writeFileSync(path, `${lines.join('\n')}\n`);
  heads.set(path, `${lines.length}:${sha256(lines.at(-1)!)}`);
  return path;
}

type Edit = (record: Record) => Record;
const answer = (path: string, oneThread: boolean) => verifyLog(path, { head: heads.get(path)! }, oneThread).then(String, (error: Error) => `refused: ${error.message}`);

const olderRule = (record: Record) => ({ ...record, data: { ...record.data, person: { id: 'ann', name: 'Ann\u202e' } } });
const retraction = (target: Record, reason: string) => (record: Record) => ({ ...record, type: 'event.retracted', subject: target.subject, data: { target: target.id, reason, citation: { document: 'test', quote: 'A quoted sentence.' } } });

describe('verify on two threads', () => {
  it('gives the answer one thread gives, whatever the log holds on either side of the split', async () => {
    const joined = (from: number) => base.findIndex((record, index) => index >= from && record.type === 'board.joined');
    const [early, late] = [joined(100), joined(first + 50)];
    const cases: [string, Map<number, Edit>, RegExp][] = [
      ['as written', new Map(), /^ok: 30000 records, /],
      ['older rules on both sides', new Map([[early, olderRule], [late, olderRule]]), /^ok: 30000 records \(2 record\(s\) were written before today's content rules .* e\.g\. line \d+: data\.person\.name/],
      ['a record of the wrong shape after the split', new Map([[late, (record: Record) => ({ ...record, colour: 'red' })]]), /^refused: line \d+: unknown field\(s\) colour/],
      ['a record of the wrong shape before the split, and one after', new Map<number, Edit>([[early, (record) => ({ ...record, colour: 'red' })], [late, (record) => ({ ...record, mood: 'blue' })]]), /^refused: line \d+: unknown field\(s\) colour/],
      ['an event retracted twice, across the split', new Map([[first - 3, retraction(base[early]!, 'one')], [first + 3, retraction(base[early]!, 'two')]]), /^refused: line \d+: data\.target: event "[^"]+" was already revised/],
      ['a retraction of an event that does not exist, after the split', new Map([[first + 9, retraction({ ...base[early]!, id: 'nowhere' }, 'gone')]]), /^refused: line \d+: data\.target: no event with id "nowhere"/],
    ];
    for (const [name, edits, expected] of cases) {
      const path = write(edits);
      const alone = await answer(path, true);
      expect(alone, name).toMatch(expected);
      expect(await answer(path, false), name).toBe(alone);
    }
  }, 120_000);

  it('compares an index beside the log with the ids the log gives', async () => {
    const path = write(new Map());
    const log = await EventLog.open(path);
    await log.indexStored;
    log.close();
    expect(await answer(path, false)).toMatch(/; the index beside it matches the log; head #30000 matches$|; head #30000 matches; the index beside it matches the log$/);
    expect(await answer(path, true)).toMatch(/; the index beside it matches the log; head #30000 matches$|; head #30000 matches; the index beside it matches the log$/);
  }, 60_000);
});
