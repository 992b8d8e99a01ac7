/**
 * A seat, a director's seat or the chair that ends is copied field by field (`endHolding`,
 * `leaveBoard`, `endChair`), and a tie to an organisation is built so, not spread: these check
 * that each keeps every field the schema knows, in the order a spread gave, so a field added
 * later cannot be dropped silently.
 */
import { describe, expect, it } from 'vitest';
import { dictGet } from './dict';
import { evolve, type Effective } from './evolve';
import { person, rec } from './fixtures.test-support';
import { Affiliation, BoardSeat, Chair, Holding, initialState, type CompanyState } from './state';

const given = (...events: ReturnType<typeof rec>[]): CompanyState => {
  const state = initialState('acme');
  for (const e of events) evolve(state, e as Effective);
  return state;
};
const T = (day: number) => `2024-02-${String(day).padStart(2, '0')}T12:00:00Z`;
const END = ['until', 'endCause', 'endEventId', 'endCertainty'];

/** The value as it was, then its end: what a spread of it gave. */
const expectEnded = (ended: object | undefined, was: object, schemaKeys: string[], extra: string[] = []) => {
  // The fixture sets every field the schema has, so a field added to the schema fails here until it is copied too.
  expect(Object.keys(was).sort()).toEqual(schemaKeys.sort());
  expect(Object.keys(ended!)).toEqual([...Object.keys(was), ...END, ...extra]);
  expect(ended).toMatchObject(was);
};

describe('values that end keep every field', () => {
  it('a seat: a baseline holding under its own title, that replaced someone, ended by a named successor', () => {
    const assumed = rec('role.assumed', T(1), { person: person('ann'), role: 'Chief Executive', interim: true, acting: true, replaces: 'zed', baseline: true }, { id: 'ann-ceo' });
    const before = given(assumed);
    const was = dictGet(before.roles, 'ceo')!;
    const after = given(assumed, rec('role.vacated', T(2), { person: person('ann'), role: 'CEO', cause: 'resigned', replacedBy: 'bob' }));
    expectEnded(dictGet(dictGet(after.former, 'ann')!, 'ceo'), was, Object.keys(Holding.shape), ['replacedBy']);
  });

  it('a director: a baseline, independent seat', () => {
    const joined = rec('board.joined', T(1), { person: person('ann'), independent: true, baseline: true });
    const was = dictGet(given(joined).board, 'ann')!;
    const after = given(joined, rec('board.left', T(2), { person: person('ann'), cause: 'resigned' }));
    expectEnded(dictGet(after.formerBoard, 'ann'), was, Object.keys(BoardSeat.shape));
  });

  it('the chair: a baseline, executive chair, ended when its holder leaves the board', () => {
    const joined = rec('board.joined', T(1), { person: person('ann') });
    const chaired = rec('board.chair.assumed', T(1), { person: person('ann'), interim: true, executive: true, baseline: true });
    const was = given(joined, chaired).chair!;
    const after = given(joined, chaired, rec('board.left', T(2), { person: person('ann'), cause: 'fired' }));
    expect(after.chair).toBeNull();
    expectEnded(dictGet(after.formerChairs, 'ann'), was, Object.keys(Chair.shape));
  });

  it('a tie to an organisation: a baseline, with its role', () => {
    const started = given(rec('affiliation.started', T(1), { person: person('ann'), organization: 'Acme Labs', role: 'Adviser', baseline: true }, { id: 'ann-acme' }));
    const tie = dictGet(dictGet(started.affiliations, 'ann')!, 'Acme Labs')!;
    expect(Object.keys(tie).sort()).toEqual(Object.keys(Affiliation.shape).sort());
    expect(Object.keys(tie)).toEqual(['eventId', 'certainty', 'asOf', 'person', 'organization', 'since', 'role']);
    expect(tie).toMatchObject({ eventId: 'ann-acme', asOf: true, organization: 'Acme Labs', role: 'Adviser', person: { id: 'ann' } });
  });
});
