import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/event';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { checkInto, checkLinesInWorker, noShapes } from './check-lines';
import { validateRecords } from './integrity';

/** The schema checks made in the worker must give `validateRecords` exactly the answer it gives alone. */
describe('checking record schemas in a worker', () => {
  let dir: string;
  beforeEach(() => {
    resetSeq();
    dir = mkdtempSync(join(tmpdir(), 'incumbent-check-lines-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Lines starting before `from` are checked here, as reading the log checks them; the worker checks the rest. */
  const both = async (records: EventRecord[], extraLines = '', split = (bytes: number) => Math.floor(bytes / 2)) => {
    const path = join(dir, 'log.jsonl');
    const lines = records.map((r) => `${JSON.stringify(r)}\n`);
    writeFileSync(path, lines.join('') + extraLines);
    const from = split(statSync(path).size);
    const ledger = new Ledger();
    records.forEach((r) => ledger.add(r));
    const mine = noShapes();
    for (let i = 0, offset = 0; i < records.length && offset < from; offset += Buffer.byteLength(lines[i]!), i++) checkInto(mine, i + 1, records[i]);
    const shapes = await checkLinesInWorker(path, from).finish(mine, [statSync(path)]);
    const answer = (run: () => string[]) => {
      try {
        return run();
      } catch (error) {
        return (error as Error).message;
      }
    };
    return { shapes, alone: answer(() => validateRecords(ledger)), withWorker: answer(() => validateRecords(ledger, 0, shapes)) };
  };

  it('reports a record written under older content rules, by line, as the checks in this thread do', async () => {
    const log = [created(), rec('board.joined', '2024-01-02T00:00:00Z', { person: person('bob') })];
    const older = rec('board.joined', '2024-01-02T00:00:00Z', { person: { id: 'ann', name: 'Ann\u202e' } });
    const { shapes, alone, withWorker } = await both([...log, older]);
    expect([...shapes.olderRules.keys()]).toEqual([3]);
    expect(alone).toEqual([expect.stringMatching(/^line 3: data\.person\.name: must not contain control or bidi-override characters/)]);
    expect(withWorker).toEqual(alone);
  });

  it('stops at the first record of the wrong shape, and the refusal names its line and field', async () => {
    const log = created();
    const misspelt = { ...rec('board.joined', '2024-01-02T00:00:00Z', { person: person('ann') }), colour: 'red' } as unknown as EventRecord;
    const after = rec('board.joined', '2024-01-02T00:00:00Z', { person: { id: 'Not A Slug', name: 'x' } });
    const { shapes, alone, withWorker } = await both([log, misspelt, after]);
    expect(shapes.problem).toEqual({ line: 2, message: 'unknown field(s) colour' });
    expect(alone).toMatch(/^line 2: unknown field\(s\) colour; the log was not opened/);
    expect(withWorker).toBe(alone);
  });

  it('merges what both sides found, whichever side found it: older rules anywhere, the first problem by line', async () => {
    const records = [created(), rec('board.joined', '2024-01-02T00:00:00Z', { person: { id: 'ann', name: 'Ann\u202e' } })];
    for (let i = 0; i < 1500; i++) records.push(rec('board.joined', '2024-01-02T00:00:00Z', { person: person(`p${i}`) }));
    records.push(rec('board.joined', '2024-01-02T00:00:00Z', { person: { id: 'bob', name: 'Bob\u202e' } }));
    records.push({ ...rec('board.joined', '2024-01-02T00:00:00Z', { person: person('cat') }), colour: 'red' } as unknown as EventRecord);
    for (let i = 0; i < 1500; i++) records.push(rec('board.joined', '2024-01-02T00:00:00Z', { person: { id: 'dan', name: 'Dan\u202e' } }));
    const { shapes, alone, withWorker } = await both(records);
    expect(shapes.problem).toEqual({ line: 1504, message: 'unknown field(s) colour' });
    expect(shapes.olderRules.get(2)).toMatch(/bidi/);
    expect(shapes.olderRules.get(1503)).toMatch(/bidi/);
    expect(withWorker).toBe(alone);
  });

  it('refuses to answer for a file other than the one the caller read (replaced or rewritten meanwhile)', async () => {
    const records = [created(), rec('board.joined', '2024-01-02T00:00:00Z', { person: person('ann') })];
    const path = join(dir, 'log.jsonl');
    writeFileSync(path, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const read = statSync(path);
    await expect(checkLinesInWorker(path, 0).finish(noShapes(), [read, { ...read, size: read.size + 10 }])).rejects.toThrow(/another file/);
    await expect(checkLinesInWorker(path, 0).finish(noShapes(), [{ ...read, ino: read.ino + 1 }])).rejects.toThrow(/another file/);
    await expect(checkLinesInWorker(path, 0).finish(noShapes(), [read, statSync(path)])).resolves.toEqual(noShapes());
  });

  it('gives the answer checking alone gives wherever the split falls: before, at and inside a line, and at either end', async () => {
    const records = [created(), rec('board.joined', '2024-01-02T00:00:00Z', { person: { id: 'ann', name: 'Ann\u202e' } })];
    records.push(rec('board.joined', '2024-01-02T00:00:00Z', { person: person('bob') }));
    records.push(rec('event.retracted', '2024-01-03T00:00:00Z', { target: records[2]!.id, reason: 'wrong', citation: { document: 'test', quote: 'A quoted sentence.' } }));
    records.push(rec('event.retracted', '2024-01-03T00:00:00Z', { target: records[2]!.id, reason: 'twice', citation: { document: 'test', quote: 'A quoted sentence.' } }));
    records.push(rec('board.joined', '2024-01-04T00:00:00Z', { person: { id: 'cat', name: 'Cat\u202e' } }));
    const starts = [0];
    for (const r of records) starts.push(starts.at(-1)! + Buffer.byteLength(`${JSON.stringify(r)}\n`));
    const splits = [0, 1, starts[2]! - 1, starts[2]!, starts[2]! + 1, starts[3]! + 1, starts[4]!, starts[4]! + 5, starts.at(-1)! - 1, starts.at(-1)!];
    for (const at of splits) {
      const { alone, withWorker } = await both(records, '', () => at);
      expect(alone).toMatch(/^line 5: data.target: event "[^"]+" was already revised/);
      expect(withWorker, `split at byte ${at}`).toBe(alone);
    }
  });

  it('leaves a line that is not JSON to the reader (which reports it with the chain around it)', async () => {
    const { shapes } = await both([created()], '{"torn":\n', () => 0);
    expect(shapes).toEqual(noShapes());
  });
});
