/**
 * The board and its chair: who sits, who chairs, and how each seat ended. Part of `evolve`, with
 * the same invariant: values in the state's maps are replaced, never mutated.
 */
import { dictDelete, dictGet, dictHas, dictKeys, dictSet } from './dict';
import type { BoardSeat, Chair, CompanyState, FormerBoardSeat, FormerChair, Moment } from './state';
import type { Payload } from './vocabulary';

type Cause = FormerBoardSeat['endCause'];
export interface Fact {
  id: string;
  moment: Moment;
  basis: Pick<BoardSeat, 'eventId' | 'certainty'> & { asOf?: true };
}

/*
 * Values are built field by field, in the order a spread gave them (exports keep their key order):
 * replay makes one per fact, and spreading a state's values cost several times as much (endHolding's
 * spread was 5% of a cold `snapshot`).
 */

/** A new value's first fields, copied from a fact's basis or from a value that begins with them: event, certainty, and `asOf` for a baseline. */
export function basisOf(from: Fact['basis']): Fact['basis'] {
  const basis: Fact['basis'] = { eventId: from.eventId, certainty: from.certainty };
  if (from.asOf) basis.asOf = true;
  return basis;
}

/** `ended` (a copy of the value that ends) with how and when it ended, and how sure the ending is. */
function withEnd<T extends Pick<FormerBoardSeat, 'until' | 'endCause' | 'endEventId' | 'endCertainty'>>(ended: T, fact: Fact, cause: Cause): T {
  ended.until = fact.moment;
  ended.endCause = cause;
  ended.endEventId = fact.id;
  ended.endCertainty = fact.basis.certainty;
  return ended;
}

export function endChair(s: CompanyState, fact: Fact, cause: Cause): void {
  const chair = s.chair;
  if (!chair) return;
  const ended = basisOf(chair) as FormerChair;
  ended.person = chair.person;
  ended.interim = chair.interim;
  if (chair.executive !== undefined) ended.executive = chair.executive;
  ended.since = chair.since;
  dictSet(s.formerChairs, chair.person.id, withEnd(ended, fact, cause));
  s.chair = null;
}

export function leaveBoard(s: CompanyState, person: string, fact: Fact, cause: Cause): void {
  const seat = dictGet(s.board, person);
  if (!seat) return;
  dictDelete(s.board, person);
  const ended = basisOf(seat) as FormerBoardSeat;
  ended.person = seat.person;
  ended.since = seat.since;
  if (seat.independent !== undefined) ended.independent = seat.independent;
  dictSet(s.formerBoard, person, withEnd(ended, fact, cause));
  if (s.chair?.person.id === person) endChair(s, fact, cause);
}

export function joinBoard(s: CompanyState, person: BoardSeat['person'], fact: Fact, independent?: boolean): void {
  const seat = basisOf(fact.basis) as BoardSeat;
  seat.person = person;
  seat.since = fact.moment;
  if (independent !== undefined) seat.independent = independent;
  dictSet(s.board, person.id, seat);
}

export function takeChair(s: CompanyState, data: Pick<Payload<'board.chair.assumed'>, 'person' | 'interim' | 'executive'>, fact: Fact): void {
  if (s.chair && s.chair.person.id !== data.person.id) endChair(s, fact, 'replaced');
  const chair = basisOf(fact.basis) as Chair;
  chair.person = data.person;
  chair.interim = data.interim;
  if (data.executive) chair.executive = true;
  chair.since = fact.moment;
  s.chair = chair;
}

/** The board is exactly `members` from now on: the others leave with `cause`; those who stay keep their seat. */
export function reconstitute(s: CompanyState, data: Omit<Payload<'board.reconstituted'>, 'citation'>, fact: Fact): void {
  const named = new Set(data.members.map((m) => m.id));
  for (const id of dictKeys(s.board)) if (!named.has(id)) leaveBoard(s, id, fact, data.cause);
  for (const member of data.members) if (!dictHas(s.board, member.id)) joinBoard(s, member, fact);
  if (data.chair) takeChair(s, { person: data.chair, interim: false }, fact);
  else if (s.chair && !named.has(s.chair.person.id)) endChair(s, fact, data.cause);
}
