/**
 * `evolve(draft, event)`: the one recipe that turns a company's state into the next. It mutates its
 * argument, so the same function serves immer's `produce` (frozen, structurally shared states) and
 * plain mutable replay. It never throws: a log that says something odd (vacating a role nobody holds)
 * still replays, and the oddity is visible in the state.
 *
 * Invariant: evolve replaces the values of the state's maps and fields; it never mutates a value
 * in place. That is what lets `copyState` (two levels deep) give an independent state.
 */
import { dictDelete, dictGet, dictSet, dictSize, dictWith, dictWithout } from './dict';
import type { Precision } from './event';
import { type ClosedItem, type CompanyState, type FormerHolding, type Moment, type PendingKind } from './state';
import { type DomainType, type Payload } from './vocabulary';

/** A state-changing fact as replay sees it: an event, or the corrected version of one. */
export type Effective = {
  [T in DomainType]: {
    id: string;
    seq: number;
    type: T;
    subject: string;
    time: string;
    timeprecision: Precision;
    timezone: string;
    data: Payload<T>;
  };
}[DomainType];

const momentOf = (e: Effective): Moment => ({ time: e.time, precision: e.timeprecision, timezone: e.timezone });

function endHolding(s: CompanyState, role: string, e: Effective, cause: FormerHolding['endCause'], replacedBy?: string): void {
  const holding = dictGet(s.roles, role);
  if (!holding) return;
  dictDelete(s.roles, role);
  const ended = { ...holding, until: momentOf(e), endCause: cause, endEventId: e.id, ...(replacedBy ? { replacedBy } : {}) };
  dictSet(s.former, holding.person.id, dictWith(dictGet(s.former, holding.person.id), role, ended));
}

function openItem(s: CompanyState, e: Effective, item: string, kind: PendingKind, summary: string, parties: string[]): void {
  dictDelete(s.closed, item);
  dictSet(s.pending, item, { id: item, kind, summary, parties, opened: momentOf(e), eventId: e.id, certainty: e.data.certainty });
}

function closeItem(s: CompanyState, e: Effective, item: string, outcome: ClosedItem['outcome'], resolution?: string): void {
  const open = dictGet(s.pending, item);
  if (!open) return;
  dictDelete(s.pending, item);
  dictSet(s.closed, item, { ...open, outcome, closed: momentOf(e), closeEventId: e.id, ...(resolution ? { resolution } : {}) });
}

export function evolve(s: CompanyState, e: Effective): void {
  const basis = { eventId: e.id, certainty: e.data.certainty };
  switch (e.type) {
    case 'company.registered':
      s.name = e.data.name;
      break;
    case 'role.assumed': {
      const { role, person, interim, acting, replaces } = e.data;
      const current = dictGet(s.roles, role);
      if (current && current.person.id !== person.id) endHolding(s, role, e, 'replaced', person.id);
      const predecessor = replaces ?? (current && current.person.id !== person.id ? current.person.id : current?.replaces);
      dictSet(s.roles, role, { ...basis, role, person, interim, acting, since: momentOf(e), ...(predecessor ? { replaces: predecessor } : {}) });
      break;
    }
    case 'role.vacated':
      if (dictGet(s.roles, e.data.role)?.person.id === e.data.person.id) endHolding(s, e.data.role, e, e.data.cause, e.data.replacedBy);
      break;
    case 'board.joined':
      dictSet(s.board, e.data.person.id, { ...basis, person: e.data.person, since: momentOf(e), ...(e.data.independent === undefined ? {} : { independent: e.data.independent }) });
      break;
    case 'board.left':
      dictDelete(s.board, e.data.person.id);
      if (s.chair?.person.id === e.data.person.id) s.chair = null;
      break;
    case 'board.chair.assumed':
      s.chair = { ...basis, person: e.data.person, interim: e.data.interim, since: momentOf(e) };
      break;
    case 'board.chair.vacated':
      if (s.chair?.person.id === e.data.person.id) s.chair = null;
      break;
    case 'affiliation.started': {
      const { person, organization } = e.data;
      const tie = { ...basis, person, organization, since: momentOf(e), ...(e.data.role ? { role: e.data.role } : {}) };
      dictSet(s.affiliations, person.id, dictWith(dictGet(s.affiliations, person.id), organization, tie));
      break;
    }
    case 'affiliation.ended': {
      const ties = dictGet(s.affiliations, e.data.person.id);
      if (!ties) break;
      const rest = dictWithout(ties, e.data.organization);
      if (dictSize(rest) > 0) dictSet(s.affiliations, e.data.person.id, rest);
      else dictDelete(s.affiliations, e.data.person.id);
      break;
    }
    case 'workforce.reported':
      s.workforce = { ...basis, headcount: e.data.headcount, asOf: momentOf(e) };
      break;
    case 'petition.reported': {
      const { petition, title, demands, signatories } = e.data;
      const since = dictGet(s.petitions, petition)?.since ?? momentOf(e);
      dictSet(s.petitions, petition, { ...basis, id: petition, title, demands, signatories, since, updated: momentOf(e) });
      break;
    }
    case 'offer.made':
      openItem(s, e, e.data.item, 'offer', e.data.summary, [e.data.from, e.data.to]);
      break;
    case 'negotiation.opened':
      openItem(s, e, e.data.item, 'negotiation', e.data.summary, e.data.parties);
      break;
    case 'agreement.reached':
      for (const item of e.data.resolves) closeItem(s, e, item, 'concluded', e.data.summary);
      if (e.data.inPrinciple) openItem(s, e, e.data.item, 'agreement-in-principle', e.data.summary, e.data.parties);
      else closeItem(s, e, e.data.item, 'concluded', e.data.summary);
      break;
    case 'pending.resolved':
      closeItem(s, e, e.data.item, e.data.outcome, e.data.summary);
      break;
    case 'statement.made':
      // Statements are on the record (events list, citations) but change no seat.
      break;
  }
  s.last = { eventId: e.id, seq: e.seq, time: e.time };
}
