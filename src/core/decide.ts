/**
 * `decide(state, event)`: does an event fit the company's state at its moment? Beside `evolve`, and
 * like it one function written once: appends run it (a system of record refuses contradictions the
 * way an aggregate refuses a command); replay never does, so a log written before a rule existed
 * still replays exactly as it did.
 *
 * A refusal names the field at fault and says what the state holds there.
 */
import { dictGet, dictHas, dictKeys, dictValues } from './dict';
import type { Effective } from './evolve';
import { seatOf } from './seats';
import { formatMoment } from './time';
import type { CompanyState, Holding } from './state';

export interface Refusal {
  /** Path inside the event (`data.person.id`). */
  field: string;
  message: string;
}

const list = (names: string[], none: string) => (names.length === 0 ? none : names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', '));

export function decide(s: CompanyState, e: Effective): Refusal | undefined {
  const at = formatMoment(e.time, e.timeprecision ?? 'minute', e.timezone);
  const names = new Map<string, string>();
  for (const [field, person] of peopleIn(e)) {
    const inEvent = names.get(person.id);
    const known = inEvent ?? nameOf(s, person.id);
    const where = inEvent === undefined ? `in this log at ${at}` : 'earlier in this event';
    if (known !== undefined && known !== person.name) return { field: `${field}.name`, message: `${person.id} is "${known}" ${where}, not "${person.name}": give that name, or another id for another person` };
    names.set(person.id, person.name);
  }
  const holderOf = (role: string) => dictGet(s.roles, seatOf(role).key);
  const directors = () => list(dictValues(s.board).map((seat) => seat.person.id).sort(), 'nobody');
  const unseated = unseatedByRumour(s, e, holderOf);
  if (unseated) {
    const { seat, person, certainty } = unseated;
    return { field: 'data.certainty', message: `is rumoured, but ${person.name} (${person.id}) holds ${seat} at ${at} on a ${certainty} source, and a rumour does not unseat them: record the rumour as a statement.made or a negotiation.opened (certainty rumoured), or this event as reported once a source reports it` };
  }
  switch (e.type) {
    case 'role.assumed': {
      const { role, replaces } = e.data;
      const holder = holderOf(role);
      const formerly = dictGet(s.former, replaces ?? '');
      if (replaces && holder?.person.id !== replaces && !(formerly && dictHas(formerly, seatOf(role).key))) {
        const now = holder ? `the holder is ${holder.person.id}` : 'nobody holds it';
        return { field: 'data.replaces', message: `${replaces} neither holds ${role} at ${at} nor held it before (${now})` };
      }
      return undefined;
    }
    case 'role.vacated': {
      const { role, person } = e.data;
      const holder = holderOf(role);
      if (holder?.person.id === person.id) return undefined;
      return { field: 'data.person.id', message: `${person.id} does not hold ${role} at ${at}; ${holder ? `the holder is ${holder.person.id}` : `nobody holds ${role} then`}` };
    }
    case 'board.joined': {
      const seat = dictGet(s.board, e.data.person.id);
      if (!seat) return undefined;
      return { field: 'data.person.id', message: `${e.data.person.id} is already on the board at ${at} (since ${formatMoment(seat.since.time, seat.since.precision, seat.since.timezone)})` };
    }
    case 'board.left':
      if (dictHas(s.board, e.data.person.id)) return undefined;
      return { field: 'data.person.id', message: `${e.data.person.id} is not on the board at ${at}; the directors are ${directors()}` };
    case 'board.chair.assumed':
      if (dictHas(s.board, e.data.person.id)) return undefined;
      return { field: 'data.person.id', message: `${e.data.person.id} is not on the board at ${at}, so cannot chair it (add board.joined first); the directors are ${directors()}` };
    case 'board.chair.vacated':
      if (s.chair?.person.id === e.data.person.id) return undefined;
      return { field: 'data.person.id', message: `${e.data.person.id} is not the chair at ${at}; ${s.chair ? `the chair is ${s.chair.person.id}` : 'the board has no chair then'}` };
    case 'affiliation.ended': {
      const { person, organization } = e.data;
      const ties = dictGet(s.affiliations, person.id);
      if (ties && dictHas(ties, organization)) return undefined;
      const held = ties ? dictKeys(ties) : [];
      return { field: 'data.organization', message: `${person.id} has no affiliation with ${organization} at ${at}; ${held.length ? `their affiliations are ${list(held, '')}` : 'they have none then'}` };
    }
    case 'board.reconstituted': {
      const { members, chair } = e.data;
      const seen = new Set<string>();
      for (const [index, member] of members.entries()) {
        if (seen.has(member.id)) return { field: `data.members.${index}.id`, message: `${member.id} is named twice` };
        seen.add(member.id);
      }
      if (chair && !seen.has(chair.id)) return { field: 'data.chair.id', message: `${chair.id} chairs the board but is not among its members` };
      return undefined;
    }
    case 'offer.made':
    case 'negotiation.opened':
    case 'dispute.opened': {
      const open = dictGet(s.pending, e.data.item);
      if (!open) return undefined;
      return { field: 'data.item', message: `${e.data.item} is already open at ${at} (a ${open.kind} since ${formatMoment(open.opened.time, open.opened.precision, open.opened.timezone)}); give the new item another id` };
    }
    case 'pending.resolved':
      return notPending(s, e.data.item, 'data.item', at);
    case 'agreement.reached': {
      // Signing what was agreed in principle, under the same id, moves it on; anything else open under it is a clash.
      const open = dictGet(s.pending, e.data.item);
      if (open && (e.data.inPrinciple || open.kind === 'signed-agreement' || (e.data.signed && open.kind !== 'agreement-in-principle'))) {
        return { field: 'data.item', message: `${e.data.item} is already open at ${at} (a ${open.kind}); resolve it, or give this agreement another id` };
      }
      for (const [index, item] of e.data.resolves.entries()) {
        const refusal = notPending(s, item, `data.resolves.${index}`, at);
        if (refusal) return refusal;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The seat a rumoured event would take from a holder on firmer evidence (confirmed or reported),
 * if any: the state would show the rumour in their place, and "who was CEO that day" would be
 * answered by hearsay. A rumour about a seat held on a rumour, or empty, is recorded as such.
 */
function unseatedByRumour(s: CompanyState, e: Effective, holderOf: (role: string) => Holding | undefined): { seat: string; person: Person; certainty: string } | undefined {
  const data = e.data as { certainty?: string };
  if (data.certainty !== 'rumoured') return undefined;
  const firm = (seat: string, held: { person: Person; certainty: string } | null | undefined, unless?: string) =>
    held && held.certainty !== 'rumoured' && held.person.id !== unless ? { seat, person: held.person, certainty: held.certainty } : undefined;
  switch (e.type) {
    case 'role.assumed':
      return firm(e.data.role, holderOf(e.data.role), e.data.person.id);
    case 'role.vacated': {
      const holder = holderOf(e.data.role);
      return holder?.person.id === e.data.person.id ? firm(e.data.role, holder) : undefined;
    }
    case 'board.left':
      return firm('a board seat', dictGet(s.board, e.data.person.id));
    case 'board.chair.assumed':
      return firm('the chair', s.chair, e.data.person.id);
    case 'board.chair.vacated':
      return s.chair?.person.id === e.data.person.id ? firm('the chair', s.chair) : undefined;
    case 'board.reconstituted': {
      const staying = new Set(e.data.members.map((member) => member.id));
      for (const seat of dictValues(s.board)) if (!staying.has(seat.person.id) && seat.certainty !== 'rumoured') return firm('a board seat', seat);
      return undefined;
    }
    default:
      return undefined;
  }
}

function notPending(s: CompanyState, item: string, field: string, at: string): Refusal | undefined {
  if (dictHas(s.pending, item)) return undefined;
  const closed = dictGet(s.closed, item);
  const open = list(dictKeys(s.pending).sort(), 'none');
  const why = closed ? `it was already resolved (${closed.outcome}) on ${formatMoment(closed.closed.time, closed.closed.precision, closed.closed.timezone)}` : 'no such item was opened before then';
  return { field, message: `${item} is not open at ${at}: ${why}; open items then: ${open}` };
}

type Person = { id: string; name: string };

/** The people an event names, by the path of each. */
function peopleIn(e: Effective): [string, Person][] {
  const data = e.data as { person?: Person; members?: Person[]; chair?: Person };
  const named: [string, Person][] = [];
  if (data.person) named.push(['data.person', data.person]);
  data.members?.forEach((member, index) => named.push([`data.members.${index}`, member]));
  if (data.chair) named.push(['data.chair', data.chair]);
  return named;
}

/** The name the state knows a person id by: one id is one person, under one name. */
function nameOf(s: CompanyState, id: string): string | undefined {
  const seat = dictGet(s.board, id) ?? dictGet(s.formerBoard, id) ?? dictGet(s.formerChairs, id) ?? (s.chair?.person.id === id ? s.chair : undefined);
  if (seat) return seat.person.name;
  for (const ties of [dictGet(s.former, id), dictGet(s.affiliations, id)]) for (const tie of ties ? dictValues<{ person: Person }>(ties) : []) return tie.person.name;
  return dictValues(s.roles).find((holding) => holding.person.id === id)?.person.name;
}
