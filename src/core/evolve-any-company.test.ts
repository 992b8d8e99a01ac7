/**
 * The vocabulary a second company's history needs (a merger saga: handover, offer, signed merger,
 * an attempt to walk away, closing, the board dissolved, an executive chair), given/when/then.
 */
import { describe, expect, it } from 'vitest';
import { decide } from './decide';
import { dictGet, dictKeys } from './dict';
import { evolve, type Effective } from './evolve';
import { person, rec } from './fixtures.test-support';
import { holderOf, initialState, type CompanyState } from './state';

const given = (...events: ReturnType<typeof rec>[]): CompanyState => {
  const state = initialState('acme');
  for (const e of events) evolve(state, e as Effective);
  return state;
};
const T = (day: number) => `2022-10-${String(day).padStart(2, '0')}T12:00:00Z`;
const director = (id: string, day = 1) => rec('board.joined', T(day), { person: person(id) });

describe('seats have one identity whatever the source calls them', () => {
  it('"Chief Technology Officer" and "CTO" are one seat: a departure under either title ends the holding', () => {
    const s = given(rec('role.assumed', T(1), { person: person('ann'), role: 'Chief Technology Officer', interim: false, acting: false }), rec('role.vacated', T(5), { person: person('ann'), role: 'CTO', cause: 'promoted' }));
    expect(holderOf(s, 'CTO')).toBeUndefined();
    expect(dictGet(dictGet(s.former, 'ann')!, 'cto')).toMatchObject({ role: 'CTO', title: 'Chief Technology Officer', endCause: 'promoted' });
  });

  it('"Interim CEO" is the CEO seat, held with the interim flag', () => {
    const s = given(rec('role.assumed', T(1), { person: person('ann'), role: 'Interim CEO', interim: true, acting: false }));
    expect(holderOf(s, 'Chief Executive Officer')).toMatchObject({ seat: 'ceo', role: 'CEO', interim: true });
  });

  it('"C.E.O." is the CEO seat: dots and apostrophes join letters, other punctuation parts words', () => {
    const s = given(rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }), rec('role.assumed', T(2), { person: person('bob'), role: 'C.E.O.', interim: false, acting: false }));
    expect(holderOf(s, 'CEO')).toMatchObject({ seat: 'ceo', person: { id: 'bob' }, title: 'C.E.O.' });
    expect(dictGet(dictGet(s.former, 'ann')!, 'ceo')).toMatchObject({ endCause: 'replaced' });
    expect(decide(s, rec('role.vacated', T(3), { person: person('bob'), role: 'c.e.o', cause: 'resigned' }) as Effective)).toBeUndefined();
  });

  it('decide sees through the spelling too', () => {
    const s = given(rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }));
    expect(decide(s, rec('role.vacated', T(2), { person: person('ann'), role: 'Chief Executive', cause: 'resigned' }) as Effective)).toBeUndefined();
  });
});

describe('the board', () => {
  it('board.reconstituted: the board is exactly these members; the others leave with the cause; a named chair takes the chair', () => {
    const s = given(director('ann'), director('bob'), rec('board.chair.assumed', T(1), { person: person('ann'), interim: false }), rec('board.reconstituted', T(9), { members: [person('bob'), person('owner-co')], chair: person('owner-co'), cause: 'removed' }));
    expect(dictKeys(s.board).sort()).toEqual(['bob', 'owner-co']);
    expect(dictGet(s.board, 'bob')?.since.time).toBe(T(1));
    expect(dictGet(s.formerBoard, 'ann')).toMatchObject({ endCause: 'removed', until: { time: T(9) } });
    expect(s.chair?.person.id).toBe('owner-co');
    expect(dictGet(s.formerChairs, 'ann')).toMatchObject({ endCause: 'removed' });
  });

  it('a board dissolved (no members) leaves no directors and no chair', () => {
    const s = given(director('ann'), rec('board.chair.assumed', T(2), { person: person('ann'), interim: false }), rec('board.reconstituted', T(9), { members: [], cause: 'term-ended' }));
    expect(dictKeys(s.board)).toEqual([]);
    expect(s.chair).toBeNull();
  });

  it('an executive chair, and decide refuses a chair who is not among the new members', () => {
    const s = given(director('ann'), rec('board.chair.assumed', T(2), { person: person('ann'), interim: false, executive: true }));
    expect(s.chair).toMatchObject({ executive: true });
    expect(decide(s, rec('board.reconstituted', T(3), { members: [person('bob')], chair: person('ann'), cause: 'removed' }) as Effective)).toMatchObject({ field: 'data.chair.id' });
  });
});

describe('deals and control', () => {
  it('a signed agreement is pending until it closes; a dispute is pending until settled; control changes hands', () => {
    const signed = given(rec('offer.made', T(1), { item: 'bid', from: 'Buyer', to: 'Acme board', summary: 'Takeover offer' }), rec('agreement.reached', T(2), { item: 'merger', inPrinciple: false, signed: true, parties: ['Buyer', 'Acme'], summary: 'Merger agreement signed', resolves: ['bid'] }));
    expect(dictGet(signed.pending, 'merger')).toMatchObject({ kind: 'signed-agreement' });
    expect(dictGet(signed.closed, 'bid')).toMatchObject({ outcome: 'concluded' });
    const disputed = given(rec('dispute.opened', T(3), { item: 'walk-away', parties: ['Buyer'], summary: 'Buyer tries to terminate the merger' }));
    expect(dictGet(disputed.pending, 'walk-away')).toMatchObject({ kind: 'dispute' });
    const closed = given(rec('agreement.reached', T(2), { item: 'merger', inPrinciple: false, signed: true, parties: ['Buyer', 'Acme'], summary: 'Merger agreement signed', resolves: [] }), rec('pending.resolved', T(20), { item: 'merger', outcome: 'closed' }), rec('control.changed', T(20), { controller: 'Buyer', kind: 'taken-private' }));
    expect(dictGet(closed.closed, 'merger')).toMatchObject({ outcome: 'closed' });
    expect(closed.control).toMatchObject({ controller: 'Buyer', kind: 'taken-private', since: { time: T(20) } });
  });

  it('a final agreement leaves a trace even when nothing was pending under its id', () => {
    const s = given(rec('agreement.reached', T(2), { item: 'settlement', inPrinciple: false, parties: ['A', 'B'], summary: 'Settled', resolves: [] }));
    expect(dictGet(s.closed, 'settlement')).toMatchObject({ outcome: 'concluded', summary: 'Settled' });
  });

  it('decide refuses a second dispute under an open id, and signing over a signed agreement', () => {
    const s = given(rec('agreement.reached', T(2), { item: 'merger', inPrinciple: false, signed: true, parties: ['A'], summary: 'Signed', resolves: [] }));
    expect(decide(s, rec('dispute.opened', T(3), { item: 'merger', parties: ['A'], summary: 'x' }) as Effective)).toMatchObject({ field: 'data.item' });
    expect(decide(s, rec('agreement.reached', T(3), { item: 'merger', inPrinciple: false, signed: true, parties: ['A'], summary: 'again', resolves: [] }) as Effective)).toMatchObject({ field: 'data.item' });
  });
});
