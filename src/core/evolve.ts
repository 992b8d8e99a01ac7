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
import type { EventRecord, Precision } from './event';
import { basisOf, endChair, joinBoard, leaveBoard, reconstitute, takeChair, type Fact } from './evolve-board';
import { seatOf } from './seats';
import { type Affiliation, type ClosedItem, type CompanyState, type FormerHolding, type Holding, type Moment, type PendingKind } from './state';
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
    data: Omit<Payload<T>, 'citation'>;
  };
}[DomainType];

/**
 * The fact a domain record states, as replay keeps it: without its citation and the chain's fields,
 * which replay never reads (a third of the parsed record's memory). Key order is the record's.
 */
export function factOf(record: EventRecord): Effective {
  const { citation: _citation, ...data } = record.data as { citation?: unknown };
  const { id, seq, type, subject, time, timeprecision, timezone } = record;
  return { id, seq, type, subject, time, timeprecision, timezone, data } as Effective;
}

const momentOf = (e: Effective): Moment => ({ time: e.time, precision: e.timeprecision, timezone: e.timezone });

/** What a state records of the last fact it counts (`CompanyState.last`). */
export const lastApplied = (e: Effective): NonNullable<CompanyState['last']> => ({ eventId: e.id, seq: e.seq, ...momentOf(e) });

function endHolding(s: CompanyState, seat: string, e: Effective, cause: FormerHolding['endCause'], replacedBy?: string): void {
  const holding = dictGet(s.roles, seat);
  if (!holding) return;
  dictDelete(s.roles, seat);
  // Field by field, in the spread's order, as `evolve-board.ts` builds its values (a spread cost several times as much).
  const ended = { eventId: holding.eventId, certainty: holding.certainty, seat: holding.seat, role: holding.role, person: holding.person, interim: holding.interim, acting: holding.acting, since: holding.since } as FormerHolding;
  if (holding.asOf) ended.asOf = holding.asOf;
  if (holding.title !== undefined) ended.title = holding.title;
  if (holding.replaces !== undefined) ended.replaces = holding.replaces;
  ended.until = momentOf(e);
  ended.endCause = cause;
  ended.endEventId = e.id;
  ended.endCertainty = e.data.certainty;
  if (replacedBy) ended.replacedBy = replacedBy;
  dictSet(s.former, holding.person.id, dictWith(dictGet(s.former, holding.person.id), seat, ended));
}

function openItem(s: CompanyState, e: Effective, item: string, kind: PendingKind, summary: string, parties: string[]): void {
  dictDelete(s.closed, item);
  dictSet(s.pending, item, { id: item, kind, summary, parties, opened: momentOf(e), eventId: e.id, certainty: e.data.certainty });
}

/** Closes a pending item; with `record`, an item that was never pending is entered as closed all the same. */
function closeItem(s: CompanyState, e: Effective, item: string, outcome: ClosedItem['outcome'], resolution?: string, record?: { kind: PendingKind; parties: string[] }): void {
  const open = dictGet(s.pending, item) ?? (record && { id: item, ...record, summary: resolution ?? item, opened: momentOf(e), eventId: e.id, certainty: e.data.certainty });
  if (!open) return;
  dictDelete(s.pending, item);
  dictSet(s.closed, item, { ...open, outcome, closed: momentOf(e), closeEventId: e.id, closeCertainty: e.data.certainty, ...(resolution ? { resolution } : {}) });
}

export function evolve(s: CompanyState, e: Effective): void {
  // Written out, not spread: replay makes one per event, and a spread of a conditional object costs more than the rest of it.
  const basis: Fact['basis'] = e.data.baseline ? { eventId: e.id, certainty: e.data.certainty, asOf: true } : { eventId: e.id, certainty: e.data.certainty };
  const fact: Fact = { id: e.id, moment: momentOf(e), basis };
  switch (e.type) {
    case 'company.registered':
      s.name = e.data.name;
      break;
    case 'role.assumed': {
      const { role, person, interim, acting, replaces } = e.data;
      const seat = seatOf(role);
      const current = dictGet(s.roles, seat.key);
      if (current && current.person.id !== person.id) endHolding(s, seat.key, e, 'replaced', person.id);
      const predecessor = replaces ?? (current && current.person.id !== person.id ? current.person.id : current?.replaces);
      // The commonest fact: its holding is written out too (built from spreads, it cost half as much again).
      const holding: Holding = { eventId: basis.eventId, certainty: basis.certainty, seat: seat.key, role: seat.title, person, interim, acting, since: fact.moment };
      if (basis.asOf) holding.asOf = true;
      if (role !== seat.title) holding.title = role;
      if (predecessor) holding.replaces = predecessor;
      dictSet(s.roles, seat.key, holding);
      break;
    }
    case 'role.vacated': {
      const seat = seatOf(e.data.role).key;
      if (dictGet(s.roles, seat)?.person.id === e.data.person.id) endHolding(s, seat, e, e.data.cause, e.data.replacedBy);
      break;
    }
    case 'board.joined':
      joinBoard(s, e.data.person, fact, e.data.independent);
      break;
    case 'board.left':
      leaveBoard(s, e.data.person.id, fact, e.data.cause);
      break;
    case 'board.chair.assumed':
      takeChair(s, e.data, fact);
      break;
    case 'board.chair.vacated':
      if (s.chair?.person.id === e.data.person.id) endChair(s, fact, e.data.cause);
      break;
    case 'board.reconstituted':
      reconstitute(s, e.data, fact);
      break;
    case 'control.changed':
      s.control = { eventId: e.id, certainty: e.data.certainty, controller: e.data.controller, kind: e.data.kind, ...(e.data.summary ? { summary: e.data.summary } : {}), since: fact.moment };
      break;
    case 'affiliation.started': {
      const { person, organization } = e.data;
      const tie = basisOf(basis) as Affiliation;
      tie.person = person;
      tie.organization = organization;
      tie.since = fact.moment;
      if (e.data.role) tie.role = e.data.role;
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
      s.workforce = { eventId: e.id, certainty: e.data.certainty, headcount: e.data.headcount, asOf: fact.moment };
      break;
    case 'petition.reported': {
      const { petition, title, demands, signatories } = e.data;
      const since = dictGet(s.petitions, petition)?.since ?? fact.moment;
      dictSet(s.petitions, petition, { eventId: e.id, certainty: e.data.certainty, id: petition, title, demands, signatories, since, updated: fact.moment });
      break;
    }
    case 'offer.made':
      openItem(s, e, e.data.item, 'offer', e.data.summary, [e.data.from, e.data.to]);
      break;
    case 'negotiation.opened':
      openItem(s, e, e.data.item, 'negotiation', e.data.summary, e.data.parties);
      break;
    case 'dispute.opened':
      openItem(s, e, e.data.item, 'dispute', e.data.summary, e.data.parties);
      break;
    case 'agreement.reached': {
      const { item, summary, parties } = e.data;
      for (const resolved of e.data.resolves) closeItem(s, e, resolved, 'concluded', summary);
      if (e.data.inPrinciple) openItem(s, e, item, 'agreement-in-principle', summary, parties);
      else if (e.data.signed) openItem(s, e, item, 'signed-agreement', summary, parties);
      // A final agreement leaves a trace even when nothing was pending under its id.
      else closeItem(s, e, item, 'concluded', summary, { kind: 'agreement-in-principle', parties });
      break;
    }
    case 'pending.resolved':
      closeItem(s, e, e.data.item, e.data.outcome, e.data.summary);
      break;
    case 'statement.made':
      // Statements are on the record (events list, citations) but change no seat.
      break;
  }
  s.last = lastApplied(e);
}
