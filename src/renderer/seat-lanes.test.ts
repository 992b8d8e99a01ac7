import { describe, expect, it } from 'vitest';
import type { Effective } from '../core/evolve';
import { barEnd, barStart, seatLanes } from './seat-lanes';

const at = (iso: string) => Date.parse(iso);
const citation = { document: 'd', quote: 'q' };
let n = 0;
const fact = (type: string, iso: string, data: Record<string, unknown>, timeprecision = 'minute') => ({
  effect: { id: `e${++n}`, seq: n, type, subject: 'acme', time: iso, timeprecision, timezone: 'UTC', data: { certainty: 'confirmed', citation, ...data } } as unknown as Effective,
  time: at(iso),
});
const ann = { id: 'ann', name: 'Ann' };
const bob = { id: 'bob', name: 'Bob' };

describe('seat lanes', () => {
  it('gives each seat a lane and each holder a bar, the next holder ending the last', () => {
    const lanes = seatLanes([
      fact('board.joined', '2024-01-01T00:00:00Z', { person: ann }, 'day'),
      fact('role.assumed', '2024-01-01T00:00:00Z', { person: ann, role: 'CEO', interim: false, acting: false }, 'day'),
      fact('board.chair.assumed', '2024-01-02T00:00:00Z', { person: bob, interim: false }),
      fact('role.vacated', '2024-02-01T12:00:00Z', { person: ann, role: 'CEO', cause: 'fired' }),
      fact('role.assumed', '2024-02-01T12:00:00Z', { person: bob, role: 'CEO', interim: true, acting: false }),
      fact('board.left', '2024-02-01T12:00:00Z', { person: ann, cause: 'removed' }),
    ]);
    expect(lanes.map((l) => l.label)).toEqual(['CEO', 'Chair', 'Board: Ann']);
    const [ceo] = lanes;
    expect(ceo!.bars.map((b) => [b.person, b.to === null ? 'open' : new Date(b.to).toISOString(), b.interim, b.fromPrecision])).toEqual([
      ['Ann', '2024-02-01T12:00:00.000Z', false, 'day'],
      ['Bob', 'open', true, 'minute'],
    ]);
    expect(lanes[2]!.bars[0]!.to).toBe(at('2024-02-01T12:00:00Z'));
  });

  it('says a holder already in office when the log starts is held as of then, start not recorded', () => {
    const [ceo, board] = seatLanes([
      fact('role.assumed', '2023-11-17T08:00:00Z', { person: ann, role: 'CEO', interim: false, acting: false, baseline: true }, 'day'),
      fact('board.joined', '2023-11-17T08:00:00Z', { person: ann, baseline: true }, 'day'),
      fact('role.assumed', '2023-11-19T08:00:00Z', { person: bob, role: 'CEO', interim: false, acting: false }, 'day'),
    ]);
    const zone = 'America/Los_Angeles';
    expect(ceo!.bars.map((b) => barStart(b, zone))).toEqual(['as of Fri 17 Nov 2023 (start not recorded)', 'Sun 19 Nov 2023']);
    expect(barStart(board!.bars[0]!, zone)).toBe('as of Fri 17 Nov 2023 (start not recorded)');
  });

  it('says a start or an end its source only reports or rumours is one, as the state does, and a confirmed one plainly', () => {
    const [ceo, board] = seatLanes([
      fact('role.assumed', '2024-01-01T00:00:00Z', { person: ann, role: 'CEO', interim: false, acting: false }, 'day'),
      fact('board.joined', '2024-01-01T00:00:00Z', { person: bob, certainty: 'rumoured' }, 'day'),
      fact('role.assumed', '2024-02-01T00:00:00Z', { person: bob, role: 'CEO', interim: false, acting: false, certainty: 'reported' }, 'day'),
      fact('board.left', '2024-03-01T00:00:00Z', { person: bob, cause: 'resigned', certainty: 'reported' }, 'day'),
    ]);
    // Ann's end is Bob's start, which is only reported: so is her leaving.
    expect(ceo!.bars.map((b) => [barStart(b, 'UTC'), barEnd(b, 'UTC')])).toEqual([
      ['Mon 1 Jan 2024', 'Thu 1 Feb 2024 (reported)'],
      ['Thu 1 Feb 2024 (reported)', 'still held'],
    ]);
    expect([barStart(board!.bars[0]!, 'UTC'), barEnd(board!.bars[0]!, 'UTC')]).toEqual(['Mon 1 Jan 2024 (rumoured)', 'Fri 1 Mar 2024 (reported)']);
  });
});
