import { produce } from 'immer';
import { holderOf } from './state';
import { dictGet, dictKeys } from './dict';
import { describe, expect, it } from 'vitest';
import { evolve, type Effective } from './evolve';
import { person, rec } from './fixtures.test-support';
import { copyState, freezeDeep, frozenCopy, initialState, type CompanyState } from './state';

/** Given these events, when replayed, then the state is... (Emmett's decider specification style). */
const given = (...events: ReturnType<typeof rec>[]): CompanyState => {
  const state = initialState('acme');
  for (const e of events) evolve(state, e as Effective);
  return state;
};
const T = (day: number, hour = 12) => `2024-02-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

describe('evolve', () => {
  it('company.registered names the company', () => {
    expect(given(rec('company.registered', T(1), { name: 'Acme Corp' })).name).toBe('Acme Corp');
  });

  it('role.assumed fills a role and a second holder replaces the first (Wikidata-style end)', () => {
    const s = given(
      rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }),
      rec('role.assumed', T(2), { person: person('bob'), role: 'CEO', interim: true, acting: false }, { id: 'bob-ceo' }),
    );
    expect(holderOf(s, 'CEO')).toMatchObject({ person: { id: 'bob' }, interim: true, replaces: 'ann', eventId: 'bob-ceo', since: { time: T(2), precision: 'minute' } });
    expect(dictGet(dictGet(s.former, 'ann')!, 'ceo')).toMatchObject({ endCause: 'replaced', replacedBy: 'bob', until: { time: T(2) } });
  });

  it('role.vacated ends the holding with its cause, and ignores a person who does not hold it', () => {
    const s = given(
      rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }),
      rec('role.vacated', T(2), { person: person('bob'), role: 'CEO', cause: 'fired' }),
    );
    expect(holderOf(s, 'CEO')?.person.id).toBe('ann');
    const t = given(rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }), rec('role.vacated', T(2), { person: person('ann'), role: 'CEO', cause: 'fired' }));
    expect(holderOf(t, 'CEO')).toBeUndefined();
    expect(dictGet(dictGet(t.former, 'ann')!, 'ceo')?.endCause).toBe('fired');
  });

  it('board.joined, board.left and the chair', () => {
    const s = given(
      rec('board.joined', T(1), { person: person('ann') }),
      rec('board.joined', T(1), { person: person('bob'), independent: true }),
      rec('board.chair.assumed', T(1), { person: person('ann'), interim: false }),
    );
    expect(dictKeys(s.board)).toEqual(['ann', 'bob']);
    expect(s.chair?.person.id).toBe('ann');
    const t = given(rec('board.joined', T(1), { person: person('ann') }), rec('board.chair.assumed', T(1), { person: person('ann'), interim: false }), rec('board.left', T(2), { person: person('ann'), cause: 'removed' }));
    expect(t.board).toEqual({});
    expect(t.chair).toBeNull();
    const u = given(rec('board.chair.assumed', T(1), { person: person('ann'), interim: true }), rec('board.chair.vacated', T(2), { person: person('ann'), cause: 'resigned' }));
    expect(u.chair).toBeNull();
  });

  it('affiliations start and end per person and organisation', () => {
    const s = given(rec('affiliation.started', T(1), { person: person('ann'), organization: 'Globex', role: 'Advisor' }), rec('affiliation.started', T(1), { person: person('ann'), organization: 'Initech' }));
    expect(dictKeys(dictGet(s.affiliations, 'ann')!).sort()).toEqual(['Globex', 'Initech']);
    const t = given(rec('affiliation.started', T(1), { person: person('ann'), organization: 'Globex' }), rec('affiliation.ended', T(2), { person: person('ann'), organization: 'Globex', cause: 'resigned' }));
    expect(t.affiliations).toEqual({});
  });

  it('workforce and petitions keep their latest figures and first date', () => {
    const s = given(
      rec('workforce.reported', T(1), { headcount: 100 }),
      rec('petition.reported', T(1), { petition: 'letter', title: 'Letter', demands: ['x'], signatories: 10 }),
      rec('petition.reported', T(2), { petition: 'letter', title: 'Letter', demands: ['x'], signatories: 90 }),
    );
    expect(s.workforce?.headcount).toBe(100);
    expect(dictGet(s.petitions, 'letter')).toMatchObject({ signatories: 90, since: { time: T(1) }, updated: { time: T(2) } });
  });

  it('offers, negotiations and agreements in principle stay pending until resolved', () => {
    const s = given(
      rec('offer.made', T(1), { item: 'o', from: 'Board', to: 'Ann', summary: 'CEO job' }),
      rec('negotiation.opened', T(1), { item: 'n', parties: ['Board', 'Bob'], summary: 'Return' }),
      rec('pending.resolved', T(2), { item: 'o', outcome: 'refused' }),
      rec('agreement.reached', T(3), { item: 'a', inPrinciple: true, parties: ['Board', 'Bob'], summary: 'Bob returns', resolves: ['n'] }),
    );
    expect(dictKeys(s.pending)).toEqual(['a']);
    expect(dictGet(s.pending, 'a')?.kind).toBe('agreement-in-principle');
    expect(dictGet(s.closed, 'o')?.outcome).toBe('refused');
    expect(dictGet(s.closed, 'n')?.outcome).toBe('concluded');
    const t = given(rec('agreement.reached', T(1), { item: 'a', inPrinciple: true, parties: ['x'], summary: 's', resolves: [] }), rec('agreement.reached', T(2), { item: 'a', inPrinciple: false, parties: ['x'], summary: 'final', resolves: [] }));
    expect(t.pending).toEqual({});
    expect(dictGet(t.closed, 'a')?.outcome).toBe('concluded');
  });

  it('statement.made changes no seat but is the last event applied', () => {
    const s = given(rec('statement.made', T(1), { person: person('ann'), text: 'Hello' }, { id: 'st' }));
    expect(s.roles).toEqual({});
    expect(s.last).toMatchObject({ eventId: 'st' });
  });
});

describe('evolve as an immer recipe', () => {
  it('gives the same state through produce (frozen, sharing what did not change) as mutably', () => {
    const events = [
      rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }),
      rec('board.joined', T(1), { person: person('ann') }),
      rec('affiliation.started', T(2), { person: person('ann'), organization: 'Globex' }),
      rec('role.assumed', T(3), { person: person('bob'), role: 'CEO', interim: true, acting: false }),
      rec('petition.reported', T(4), { petition: 'p', title: 'P', demands: [], signatories: 3 }),
    ];
    const drafted = produce(initialState('acme'), (draft) => {
      for (const e of events) evolve(draft, e as Effective);
    });
    expect(drafted).toEqual(given(...events));
    expect(Object.isFrozen(drafted.roles)).toBe(true);
    const next = produce(drafted, (draft) => evolve(draft, rec('workforce.reported', T(5), { headcount: 10 }) as Effective));
    expect(next.roles).toBe(drafted.roles);
    expect(next.workforce?.headcount).toBe(10);
  });
});

describe('checkpoints are frozen all the way down', () => {
  it('frozenCopy freezes what changed since the previous checkpoint and shares the rest', () => {
    const first = [rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }), rec('affiliation.started', T(1), { person: person('ann'), organization: 'Globex' })];
    const then = [rec('role.assumed', T(2), { person: person('bob'), role: 'CEO', interim: false, acting: false }), rec('petition.reported', T(3), { petition: 'p', title: 'P', demands: ['Reinstate the CEO'], signatories: 3 })];
    const previous = frozenCopy(given(...first), initialState('acme'));
    const running = copyState(previous);
    for (const e of then) evolve(running, e as Effective);
    const next = frozenCopy(running, previous);
    expect(next).toEqual(given(...first, ...then));
    for (const value of [next, next.roles, holderOf(next, 'CEO'), holderOf(next, 'CEO')!.since, dictGet(next.former, 'ann'), dictGet(dictGet(next.former, 'ann')!, 'ceo'), dictGet(next.petitions, 'p')!.demands, next.last]) expect(Object.isFrozen(value)).toBe(true);
    expect(dictGet(next.affiliations, 'ann')).toBe(dictGet(previous.affiliations, 'ann'));
  });

  it('freezes a state all the way down, maps without a prototype included, and stops at what is already frozen', () => {
    const events = [
      rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }),
      rec('role.assumed', T(2), { person: person('bob'), role: 'CEO', interim: false, acting: false }),
      rec('affiliation.started', T(2), { person: person('ann'), organization: 'Globex' }),
      rec('petition.reported', T(3), { petition: 'p', title: 'P', demands: ['Reinstate the CEO'], signatories: 3 }),
    ];
    const state = freezeDeep(given(...events));
    const values = [state, state.roles, holderOf(state, 'CEO'), holderOf(state, 'CEO')!.person, holderOf(state, 'CEO')!.since, state.former, dictGet(state.former, 'ann'), dictGet(dictGet(state.former, 'ann')!, 'ceo'), dictGet(state.affiliations, 'ann'), dictGet(state.petitions, 'p')!.demands];
    for (const value of values) expect(Object.isFrozen(value)).toBe(true);
    // A frozen value is taken as frozen all through (it came from an earlier checkpoint): not walked again.
    const shared = Object.freeze({ inner: { n: 1 } });
    expect(Object.isFrozen(freezeDeep({ shared }).shared.inner)).toBe(false);
  });
});
