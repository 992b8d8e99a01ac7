/**
 * The board and its chair: who sits, who chairs, and how each seat ended. Part of `evolve`, with
 * the same invariant: values in the state's maps are replaced, never mutated.
 */
import { dictDelete, dictGet, dictHas, dictKeys, dictSet } from './dict';
import type { BoardSeat, CompanyState, FormerBoardSeat, Moment } from './state';
import type { Payload } from './vocabulary';

type Cause = FormerBoardSeat['endCause'];
export interface Fact {
  id: string;
  moment: Moment;
  basis: Pick<BoardSeat, 'eventId' | 'certainty'> & { asOf?: true };
}

export function endChair(s: CompanyState, fact: Fact, cause: Cause): void {
  if (!s.chair) return;
  dictSet(s.formerChairs, s.chair.person.id, { ...s.chair, until: fact.moment, endCause: cause, endEventId: fact.id });
  s.chair = null;
}

export function leaveBoard(s: CompanyState, person: string, fact: Fact, cause: Cause): void {
  const seat = dictGet(s.board, person);
  if (!seat) return;
  dictDelete(s.board, person);
  dictSet(s.formerBoard, person, { ...seat, until: fact.moment, endCause: cause, endEventId: fact.id });
  if (s.chair?.person.id === person) endChair(s, fact, cause);
}

export function joinBoard(s: CompanyState, person: BoardSeat['person'], fact: Fact, independent?: boolean): void {
  dictSet(s.board, person.id, { ...fact.basis, person, since: fact.moment, ...(independent === undefined ? {} : { independent }) });
}

export function takeChair(s: CompanyState, data: Pick<Payload<'board.chair.assumed'>, 'person' | 'interim' | 'executive'>, fact: Fact): void {
  if (s.chair && s.chair.person.id !== data.person.id) endChair(s, fact, 'replaced');
  s.chair = { ...fact.basis, person: data.person, interim: data.interim, ...(data.executive ? { executive: true } : {}), since: fact.moment };
}

/** The board is exactly `members` from now on: the others leave with `cause`; those who stay keep their seat. */
export function reconstitute(s: CompanyState, data: Payload<'board.reconstituted'>, fact: Fact): void {
  const named = new Set(data.members.map((m) => m.id));
  for (const id of dictKeys(s.board)) if (!named.has(id)) leaveBoard(s, id, fact, data.cause);
  for (const member of data.members) if (!dictHas(s.board, member.id)) joinBoard(s, member, fact);
  if (data.chair) takeChair(s, { person: data.chair, interim: false }, fact);
  else if (s.chair && !named.has(s.chair.person.id)) endChair(s, fact, data.cause);
}
