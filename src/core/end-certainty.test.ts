/**
 * An ending keeps the certainty of the event that ended it, not of the one that began the stint: a
 * director who joined on a confirmed source and is only reported to have left must never be
 * published, shown or compared as having certainly left (Tasha McCauley, 29 Nov 2023).
 */
import { describe, expect, it } from 'vitest';
import { dictGet } from './dict';
import { describeChange, diffStates } from './diff';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';
import { buildSnapshot, snapshotJson } from './snapshot';

const citation = { document: 'test', quote: 'A quoted sentence.' };
const T = (day: number) => `2024-02-${String(day).padStart(2, '0')}T12:00:00Z`;
const hash = (seq: number) => seq.toString(16).padStart(64, '0');

/** Ann joins the board and chairs it and is CEO (confirmed); then she is reported to leave all three, and an offer is resolved on a rumour. */
function walkedOut(): Ledger {
  resetSeq();
  const ledger = new Ledger();
  [
    created(),
    rec('board.joined', T(1), { person: person('ann') }, { id: 'joined' }),
    rec('board.chair.assumed', T(1), { person: person('ann'), interim: false }, { id: 'chaired' }),
    rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }, { id: 'ceo' }),
    rec('offer.made', T(1), { item: 'job', from: 'Globex', to: 'ann', summary: 'A job at Globex' }, { id: 'offered' }),
    rec('role.vacated', T(2), { person: person('ann'), role: 'CEO', cause: 'resigned', certainty: 'reported' }, { id: 'quit-ceo' }),
    rec('board.left', T(2), { person: person('ann'), cause: 'resigned', certainty: 'reported' }, { id: 'left' }),
    rec('pending.resolved', T(2), { item: 'job', outcome: 'refused', certainty: 'rumoured' }, { id: 'refused' }),
  ].forEach((r) => ledger.add(r));
  return ledger;
}

describe('an ending keeps its own certainty', () => {
  it('in the state: a confirmed start, a reported end', () => {
    const state = walkedOut().stateAt('acme', T(3))!;
    expect(dictGet(dictGet(state.former, 'ann')!, 'ceo')).toMatchObject({ certainty: 'confirmed', endEventId: 'quit-ceo', endCertainty: 'reported' });
    expect(dictGet(state.formerBoard, 'ann')).toMatchObject({ certainty: 'confirmed', endEventId: 'left', endCertainty: 'reported' });
    expect(dictGet(state.formerChairs, 'ann')).toMatchObject({ certainty: 'confirmed', endEventId: 'left', endCertainty: 'reported' });
    expect(dictGet(state.closed, 'job')).toMatchObject({ certainty: 'confirmed', closeEventId: 'refused', closeCertainty: 'rumoured' });
  });

  it('a correction of the ending to confirmed confirms it, for those who know the correction only', () => {
    const ledger = walkedOut();
    const knownBefore = [...ledger.records(ledger.head)][0]!.recordedtime;
    ledger.add(rec('event.corrected', T(3), { target: 'left', reason: 'The company confirmed it', citation, data: { person: person('ann'), cause: 'resigned', certainty: 'confirmed', citation } }, { id: 'left-confirmed' }));
    const now = ledger.stateAt('acme', T(3))!;
    expect(dictGet(now.formerBoard, 'ann')).toMatchObject({ endEventId: 'left-confirmed', endCertainty: 'confirmed' });
    expect(dictGet(now.formerChairs, 'ann')).toMatchObject({ endEventId: 'left-confirmed', endCertainty: 'confirmed' });
    // A reader who knew the log before the correction still sees the report.
    expect(dictGet(ledger.stateAt('acme', T(3), knownBefore)!.formerBoard, 'ann')).toMatchObject({ endEventId: 'left', endCertainty: 'reported' });
  });

  it('a retracted ending leaves no ending behind', () => {
    const ledger = walkedOut();
    ledger.add(rec('event.retracted', T(3), { target: 'left', reason: 'No such thing', citation }, { id: 'unsaid' }));
    const state = ledger.stateAt('acme', T(3))!;
    expect(dictGet(state.formerBoard, 'ann')).toBeUndefined();
    expect(dictGet(state.board, 'ann')).toMatchObject({ certainty: 'confirmed' });
  });

  it('in the snapshot, under its own name beside the start\'s', () => {
    const doc = JSON.parse(snapshotJson(buildSnapshot(walkedOut(), { at: T(3) }, hash, '1.0.0')));
    expect(doc.format).toBe('incumbent.snapshot/4');
    const [company] = doc.companies;
    expect(company.formerRoles[0]).toMatchObject({ certainty: 'confirmed', endCertainty: 'reported' });
    expect(company.board.former[0]).toMatchObject({ certainty: 'confirmed', endCertainty: 'reported' });
    expect(company.board.formerChairs[0]).toMatchObject({ certainty: 'confirmed', endCertainty: 'reported' });
    expect(company.resolved[0]).toMatchObject({ certainty: 'confirmed', closeCertainty: 'rumoured' });
  });

  it('in a comparison: each ending and resolution says how sure it is', () => {
    const ledger = walkedOut();
    const changes = diffStates(ledger.stateAt('acme', T(1))!, ledger.stateAt('acme', T(3))!);
    expect(changes.map(describeChange)).toEqual([
      'ann left CEO (resigned) (reported)',
      'ann left the board (resigned) (reported)',
      'ann is no longer chair; the chair is vacant (reported)',
      'Resolved offer (refused): A job at Globex (rumoured)',
    ]);
    expect(changes[0]).toMatchObject({ kind: 'role-left', eventId: 'quit-ceo', certainty: 'reported' });
  });

  it('a new chair succeeding one who only reportedly left is said as the least sure of the two', () => {
    const ledger = walkedOut();
    ledger.add(rec('board.joined', T(4), { person: person('bob') }, { id: 'bob-joined' }));
    ledger.add(rec('board.chair.assumed', T(4), { person: person('bob'), interim: false }, { id: 'bob-chair' }));
    const chair = diffStates(ledger.stateAt('acme', T(1))!, ledger.stateAt('acme', T(5))!).find((c) => c.kind === 'chair-changed')!;
    expect(describeChange(chair)).toBe('bob became chair, succeeding ann (reported)');
  });

  it('a confirmed ending is said plainly', () => {
    resetSeq();
    const ledger = new Ledger();
    [created(), rec('board.joined', T(1), { person: person('ann'), certainty: 'reported' }), rec('board.left', T(2), { person: person('ann'), cause: 'removed' })].forEach((r) => ledger.add(r));
    const changes = diffStates(ledger.stateAt('acme', T(1))!, ledger.stateAt('acme', T(3))!);
    expect(changes.map(describeChange)).toEqual(['ann left the board (removed)']);
  });
});
