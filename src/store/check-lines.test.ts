import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../core/event';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { checkInto, mergeShapes, noShapes, type LineShapes } from './check-lines';
import { validateRecords } from './integrity';
import { shareChecker } from './share-checker';

const citation = { document: 'test', quote: 'A quoted sentence.' };
const answer = (run: () => string[]) => {
  try {
    return run();
  } catch (error) {
    return (error as Error).message;
  }
};

/**
 * The checks split as reading splits them must give `validateRecords` exactly the answer it gives
 * alone: this thread checks the lines before the share (and some after: the revisions it parses
 * there itself), the worker the share's, by index.
 */
function splitAt(records: EventRecord[], from: number): { shapes: LineShapes; alone: string[] | string; split: string[] | string } {
  const ledger = new Ledger();
  records.forEach((r) => ledger.add(r));
  const mine = noShapes();
  const share = shareChecker();
  records.forEach((record, index) => {
    const line = index + 1;
    if (line < from || record.type === 'event.corrected' || record.type === 'event.retracted') checkInto(mine, line, record);
    if (line >= from) share.check(line - from, record);
  });
  const shapes = mergeShapes(mine, share.shapes, from);
  return { shapes, alone: answer(() => validateRecords(ledger)), split: answer(() => validateRecords(ledger, 0, shapes)) };
}

describe('checking record schemas where reading splits the log', () => {
  it('reports a record written under older content rules, by line, as checking alone does', () => {
    resetSeq();
    const records = [created(), rec('board.joined', '2023-12-30T00:00:00Z', { person: person('bob') }), rec('board.joined', '2023-12-30T00:00:00Z', { person: { id: 'ann', name: 'Ann\u202e' } })];
    for (const from of [1, 2, 3, 4]) {
      const { shapes, alone, split } = splitAt(records, from);
      expect([...shapes.olderRules.keys()]).toEqual([3]);
      expect(alone).toEqual([expect.stringMatching(/^line 3: data\.person\.name: must not contain control or bidi-override characters/)]);
      expect(split).toEqual(alone);
    }
  });

  it('stops at the first record of the wrong shape, on either side, and the refusal names its line and field', () => {
    resetSeq();
    const records = [created(), rec('board.joined', '2023-12-30T00:00:00Z', { person: person('bob') })];
    records.push({ ...rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') }), colour: 'red' } as unknown as EventRecord);
    records.push({ ...rec('board.joined', '2023-12-30T00:00:00Z', { person: person('cat') }), mood: 'blue' } as unknown as EventRecord);
    for (const from of [1, 2, 3, 4, 5]) {
      const { shapes, alone, split } = splitAt(records, from);
      expect(shapes.problem).toEqual({ line: 3, message: 'unknown field(s) colour' });
      expect(alone).toMatch(/^line 3: unknown field\(s\) colour; the log was not opened/);
      expect(split).toBe(alone);
    }
  });

  it('gives the answer checking alone gives wherever the share starts, revisions on both sides', () => {
    resetSeq();
    const records = [created(), rec('board.joined', '2023-12-30T00:00:00Z', { person: { id: 'ann', name: 'Ann\u202e' } })];
    records.push(rec('board.joined', '2023-12-30T00:00:00Z', { person: person('bob') }));
    records.push(rec('event.retracted', '2024-01-03T00:00:00Z', { target: records[2]!.id, reason: 'wrong', citation }));
    records.push(rec('event.retracted', '2024-01-03T00:00:00Z', { target: records[2]!.id, reason: 'twice', citation }));
    records.push(rec('board.joined', '2024-01-04T00:00:00Z', { person: { id: 'cat', name: 'Cat\u202e' } }));
    for (let from = 1; from <= records.length + 1; from++) {
      const { alone, split } = splitAt(records, from);
      expect(alone).toMatch(/^line 5: data.target: event "[^"]+" was already revised/);
      expect(split, `share from line ${from}`).toBe(alone);
    }
    const valid = records.slice(0, 4);
    for (let from = 1; from <= valid.length + 1; from++) expect(splitAt(valid, from).split).toEqual(splitAt(valid, from).alone);
  });
});
