/** What changed between two moments, in governance terms, as data and as sentences. */
import { isolated as own } from './isolated';
import { howSure, isConfirmed } from './certainty';
import { dictGet, dictHas, dictKeys } from './dict';
import { allOf, type Affiliation, type Basis, type CompanyState, type Person } from './state';

/**
 * How sure the source of a change is, when it is less than confirmed: of what it brings, or, for an
 * ending or a resolution, of the event that ended it (never the start's). A rumour or a report is
 * never said as a fact.
 */
type Sureness = { certainty?: Exclude<Basis['certainty'], 'confirmed'> };
type Certainty = Basis['certainty'];

export type Change = (
  | { kind: 'role-taken'; role: string; person: Person; interim: boolean; acting: boolean; eventId: string }
  | { kind: 'role-left'; role: string; person: Person; cause?: string; eventId?: string }
  | { kind: 'board-joined'; person: Person; eventId: string }
  | { kind: 'board-left'; person: Person; cause?: string }
  | { kind: 'chair-changed'; from: Person | null; to: Person | null; executive?: boolean }
  | { kind: 'control-changed'; controller: string; controlKind: string }
  | { kind: 'affiliation-started'; person: Person; organization: string; role?: string; eventId: string }
  | { kind: 'affiliation-ended'; person: Person; organization: string }
  | { kind: 'workforce-changed'; from: number | null; to: number | null }
  | { kind: 'petition-changed'; petition: string; title: string; from: number | null; to: number }
  | { kind: 'pending-opened'; item: string; itemKind: string; summary: string; eventId: string }
  | { kind: 'pending-resolved'; item: string; itemKind: string; summary: string; outcome?: string }
) &
  Sureness;

const surely = (certainty: Certainty | undefined): Sureness => (certainty && !isConfirmed(certainty) ? { certainty } : {});
const sureness = (basis: Basis | null | undefined): Sureness => surely(basis?.certainty);
const ORDER: Certainty[] = ['rumoured', 'reported', 'confirmed'];
/** The less sure of two sources: a sentence that tells both is only as sure as its weaker part. */
const leastSure = (a: Certainty | undefined, b: Certainty | undefined): Certainty | undefined => (a && b ? ORDER[Math.min(ORDER.indexOf(a), ORDER.indexOf(b))] : (a ?? b));

const qualifier = (interim: boolean, acting: boolean) => (interim ? 'interim ' : acting ? 'acting ' : '');

/**
 * Changes from state `a` to state `b` of the same company, in a stable order. A baseline fact
 * (`asOf`: already true when the log's coverage starts) is state, never a change.
 */
export function diffStates(a: CompanyState, b: CompanyState): Change[] {
  const changes: Change[] = [];
  const roles = [...new Set([...dictKeys(a.roles), ...dictKeys(b.roles)])].sort();
  for (const seat of roles) {
    const before = dictGet(a.roles, seat);
    const after = dictGet(b.roles, seat);
    if (before && before.person.id !== after?.person.id) {
      const formerRoles = dictGet(b.former, before.person.id);
      const ended = formerRoles && dictGet(formerRoles, seat);
      changes.push({ kind: 'role-left', role: before.role, person: before.person, ...(ended ? { cause: ended.endCause, eventId: ended.endEventId, ...surely(ended.endCertainty) } : {}) });
    }
    if (after && !after.asOf && (before?.person.id !== after.person.id || before.interim !== after.interim || before.acting !== after.acting)) {
      changes.push({ kind: 'role-taken', role: after.role, person: after.person, interim: after.interim, acting: after.acting, eventId: after.eventId, ...sureness(after) });
    }
  }
  for (const id of dictKeys(a.board).sort()) {
    if (dictHas(b.board, id)) continue;
    const ended = dictGet(b.formerBoard, id);
    changes.push({ kind: 'board-left', person: dictGet(a.board, id)!.person, ...(ended ? { cause: ended.endCause, ...surely(ended.endCertainty) } : {}) });
  }
  for (const id of dictKeys(b.board).sort()) {
    const seat = dictGet(b.board, id)!;
    if (!dictHas(a.board, id) && !seat.asOf) changes.push({ kind: 'board-joined', person: seat.person, eventId: seat.eventId, ...sureness(seat) });
  }
  if (a.chair?.person.id !== b.chair?.person.id && !b.chair?.asOf) {
    // The sentence tells who left the chair as well as who took it: as sure as the less sure of the two.
    const left = a.chair ? dictGet(b.formerChairs, a.chair.person.id)?.endCertainty : undefined;
    changes.push({ kind: 'chair-changed', from: a.chair?.person ?? null, to: b.chair?.person ?? null, ...(b.chair?.executive ? { executive: true } : {}), ...surely(leastSure(left, b.chair?.certainty)) });
  }
  if (b.control && a.control?.eventId !== b.control.eventId) changes.push({ kind: 'control-changed', controller: b.control.controller, controlKind: b.control.kind, ...sureness(b.control) });
  const has = (s: CompanyState, x: Affiliation) => {
    const ties = dictGet(s.affiliations, x.person.id);
    return ties !== undefined && dictHas(ties, x.organization);
  };
  for (const x of allOf(a.affiliations)) if (!has(b, x)) changes.push({ kind: 'affiliation-ended', person: x.person, organization: x.organization });
  for (const x of allOf(b.affiliations)) {
    if (!has(a, x) && !x.asOf) changes.push({ kind: 'affiliation-started', person: x.person, organization: x.organization, ...(x.role ? { role: x.role } : {}), eventId: x.eventId, ...sureness(x) });
  }
  if (a.workforce?.headcount !== b.workforce?.headcount) changes.push({ kind: 'workforce-changed', from: a.workforce?.headcount ?? null, to: b.workforce?.headcount ?? null, ...sureness(b.workforce) });
  for (const id of dictKeys(b.petitions).sort()) {
    const [before, after] = [dictGet(a.petitions, id), dictGet(b.petitions, id)!];
    if (before?.signatories !== after.signatories) changes.push({ kind: 'petition-changed', petition: id, title: after.title, from: before?.signatories ?? null, to: after.signatories, ...sureness(after) });
  }
  for (const id of dictKeys(a.pending).sort()) {
    if (!dictHas(b.pending, id)) {
      const item = dictGet(a.pending, id)!;
      const closed = dictGet(b.closed, id);
      changes.push({ kind: 'pending-resolved', item: id, itemKind: item.kind, summary: item.summary, ...(closed ? { outcome: closed.outcome, ...surely(closed.closeCertainty) } : {}) });
    }
  }
  for (const id of dictKeys(b.pending).sort()) {
    const item = dictGet(b.pending, id)!;
    if (!dictHas(a.pending, id)) changes.push({ kind: 'pending-opened', item: id, itemKind: item.kind, summary: item.summary, eventId: item.eventId, ...sureness(item) });
  }
  return changes;
}

/** A sentence, and how sure its source is when less than confirmed: a rumour or a report is never said as a fact. */
export const sayingHowSure = (sentence: string, certainty: string | undefined): string => sentence + howSure(certainty);

/** One plain sentence per change, for people rather than programs; one only rumoured or reported says so. */
export function describeChange(change: Change): string {
  return sayingHowSure(describeWhat(change), change.certainty);
}

function describeWhat(change: Change): string {
  switch (change.kind) {
    case 'role-taken':
      return `${own(change.person.name)} became ${qualifier(change.interim, change.acting)}${own(change.role)}`;
    case 'role-left':
      return `${own(change.person.name)} left ${own(change.role)}${change.cause ? ` (${change.cause})` : ''}`;
    case 'board-joined':
      return `${own(change.person.name)} joined the board`;
    case 'board-left':
      return `${own(change.person.name)} left the board${change.cause ? ` (${change.cause})` : ''}`;
    case 'control-changed':
      return `Control passed to ${own(change.controller)} (${change.controlKind.replaceAll('-', ' ')})`;
    case 'chair-changed':
      return change.to ? `${own(change.to.name)} became ${change.executive ? 'executive ' : ''}chair${change.from ? `, succeeding ${own(change.from.name)}` : ''}` : `${own(change.from!.name)} is no longer chair; the chair is vacant`;
    case 'affiliation-started':
      return `${own(change.person.name)} joined ${own(change.organization)}${change.role ? ` as ${own(change.role)}` : ''}`;
    case 'affiliation-ended':
      return `${own(change.person.name)} left ${own(change.organization)}`;
    case 'workforce-changed':
      return `Workforce ${change.from === null ? 'reported' : `changed from ${change.from}`} at ${change.to ?? 'unknown'}`;
    case 'petition-changed':
      return `Petition "${own(change.title)}": ${change.from === null ? '' : `${change.from} → `}${change.to} signatories`;
    case 'pending-opened':
      return `Opened ${change.itemKind.replaceAll('-', ' ')}: ${own(change.summary)}`;
    case 'pending-resolved':
      return `Resolved ${change.itemKind.replaceAll('-', ' ')}${change.outcome ? ` (${change.outcome})` : ''}: ${own(change.summary)}`;
  }
}
