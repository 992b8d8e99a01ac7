import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/event';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { checkLinesInWorker } from './check-lines';
import { validateRecords } from './integrity';

/** The schema checks made in the worker must give `validateRecords` exactly the answer it gives alone. */
describe('checking record schemas in a worker', () => {
  let dir: string;
  beforeEach(() => {
    resetSeq();
    dir = mkdtempSync(join(tmpdir(), 'incumbent-check-lines-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const both = async (records: EventRecord[], extraLines = '') => {
    const path = join(dir, 'log.jsonl');
    writeFileSync(path, records.map((r) => `${JSON.stringify(r)}\n`).join('') + extraLines);
    const ledger = new Ledger();
    records.forEach((r) => ledger.add(r));
    const shapes = await checkLinesInWorker(path).finish(records);
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

  it('leaves a line that is not JSON to the reader (which reports it with the chain around it)', async () => {
    const { shapes } = await both([created()], '{"torn":\n');
    expect(shapes).toEqual({ olderRules: new Map() });
  });
});
