import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/event';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { callerTakes, checkLinesInWorker, meetingPoint } from './check-lines';
import { tsWorker } from './ts-worker';
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
    const shapes = await checkLinesInWorker(path).finish(records, [statSync(path)]);
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
    await expect(checkLinesInWorker(path).finish(records, [read, { ...read, size: read.size + 10 }])).rejects.toThrow(/another file/);
    await expect(checkLinesInWorker(path).finish(records, [{ ...read, ino: read.ino + 1 }])).rejects.toThrow(/another file/);
    await expect(checkLinesInWorker(path).finish(records, [read, statSync(path)])).resolves.toEqual({ olderRules: new Map() });
  });

  it('the two sides never both skip a line where they meet (both threads racing, many times)', async () => {
    const [lines, trials] = [2000, 400];
    const control = new Int32Array(new SharedArrayBuffer(8));
    const marks = new Uint8Array(new SharedArrayBuffer(lines + 1));
    const position = meetingPoint();
    const worker = tsWorker(new URL('./meeting.test-support.ts', import.meta.url), { position, control, marks, lines, trials });
    const fresh = meetingPoint();
    let [missed, work] = [0, 0];
    for (let trial = 1; trial <= trials; trial++) {
      marks.fill(0);
      position.set(fresh);
      Atomics.store(control, 0, trial);
      Atomics.notify(control, 0);
      for (let line = lines; line >= 1 && callerTakes(position, line); line--) {
        marks[line] = marks[line]! + 1;
        for (let k = 0; k < (line * 104729) % 11; k++) work += k;
      }
      while (Atomics.load(control, 1) < trial) await new Promise((resolve) => setTimeout(resolve, 0));
      for (let line = 1; line <= lines; line++) if (marks[line] === 0) missed += 1;
    }
    await worker.terminate();
    expect(work).toBeGreaterThan(0);
    expect(missed).toBe(0);
  });

  it('leaves a line that is not JSON to the reader (which reports it with the chain around it)', async () => {
    const { shapes } = await both([created()], '{"torn":\n');
    expect(shapes).toEqual({ olderRules: new Map() });
  });
});
