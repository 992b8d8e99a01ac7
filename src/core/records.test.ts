import { describe, expect, it } from 'vitest';
import type { EventRecord } from './event';
import { Records } from './records';

describe('Records.json', () => {
  it('gives records kept in memory as pieces of about 64 KiB, whose bytes joined are the records as JSON', () => {
    const records = new Records();
    // Records of about 30 KB, then small ones: a piece holds what fits, and a large one may end it.
    const kept = Array.from({ length: 12 }, (_, i) => ({ seq: i + 1, data: { quote: `${'é'.repeat(i < 6 ? 15_000 : 10)}${i}` } }) as unknown as EventRecord);
    for (const record of kept) records.push(record);
    const piecesOf = (from: number, to: number) => {
      const pieces = [...records.json(from, to)];
      expect(JSON.parse(`[${Buffer.concat(pieces).toString()}]`)).toEqual(kept.slice(from - 1, to));
      // A comma between two pieces is a piece of its own.
      return pieces.filter((piece) => !(piece.length === 1 && piece[0] === 0x2c)).length;
    };
    expect(piecesOf(1, 12)).toBe(2); // five large records reach 64 Ki characters; the sixth starts the next piece
    expect(piecesOf(2, 7)).toBe(2);
    expect(piecesOf(6, 6)).toBe(1);
    expect(piecesOf(7, 12)).toBe(1);
  });
});
