/**
 * The state of one company at one moment: what replay produces and snapshots publish. Defined once
 * as schemas, so the TypeScript types, the snapshot validator and `schemas/snapshot.schema.json`
 * cannot disagree.
 */
import { z } from 'zod';
import { dict, dictValues, type Dict } from './dict';
import { Precision } from './event';
import { Certainty, EndCause, Outcome, PersonRef } from './vocabulary';

export type Person = z.output<typeof PersonRef>;

/** An effective time as the source gave it: the instant, how precise it is, and where it was. */
export const Moment = z.object({ time: z.string(), precision: Precision, timezone: z.string() });
export type Moment = z.output<typeof Moment>;

/** Where a fact in the state comes from: the event that established it, and how sure it was. */
const basis = { eventId: z.string(), certainty: Certainty };
export type Basis = { eventId: string; certainty: z.output<typeof Certainty> };

/** A position held (Wikidata's P39): start, qualifiers, and what it replaced. */
export const Holding = z.object({
  ...basis,
  role: z.string(),
  person: PersonRef,
  interim: z.boolean(),
  acting: z.boolean(),
  since: Moment,
  replaces: z.string().optional(),
});
export type Holding = z.output<typeof Holding>;

/** A position no longer held: the holding plus its end, end cause and successor. */
export const FormerHolding = Holding.extend({
  until: Moment,
  endCause: EndCause,
  endEventId: z.string(),
  replacedBy: z.string().optional(),
});
export type FormerHolding = z.output<typeof FormerHolding>;

export const BoardSeat = z.object({ ...basis, person: PersonRef, independent: z.boolean().optional(), since: Moment });
export type BoardSeat = z.output<typeof BoardSeat>;

export const Chair = z.object({ ...basis, person: PersonRef, interim: z.boolean(), since: Moment });
export type Chair = z.output<typeof Chair>;

export const Affiliation = z.object({ ...basis, person: PersonRef, organization: z.string(), role: z.string().optional(), since: Moment });
export type Affiliation = z.output<typeof Affiliation>;

export const Workforce = z.object({ ...basis, headcount: z.int(), asOf: Moment });

export const Petition = z.object({
  ...basis,
  id: z.string(),
  title: z.string(),
  demands: z.array(z.string()),
  signatories: z.int(),
  since: Moment,
  updated: Moment,
});
export type Petition = z.output<typeof Petition>;

export const PendingKind = z.enum(['offer', 'negotiation', 'agreement-in-principle']);
export type PendingKind = z.output<typeof PendingKind>;

/** An offer, negotiation or agreement in principle: open until a later event resolves it. */
export const PendingItem = z.object({ ...basis, id: z.string(), kind: PendingKind, summary: z.string(), parties: z.array(z.string()), opened: Moment });
export type PendingItem = z.output<typeof PendingItem>;

export const ClosedItem = PendingItem.extend({ outcome: Outcome, closed: Moment, closeEventId: z.string(), resolution: z.string().optional() });
export type ClosedItem = z.output<typeof ClosedItem>;

export const LastApplied = z.object({ eventId: z.string(), seq: z.int(), time: z.string() }).nullable();

/** Every map below is a `Dict`: its keys come from data, so none of them may reach a prototype. */
export interface CompanyState {
  id: string;
  name: string;
  /** Current holders by role title. */
  roles: Dict<Holding>;
  /** Each person's latest finished stint per role: person id -> role -> holding. */
  former: Dict<Dict<FormerHolding>>;
  /** Current directors by person id. */
  board: Dict<BoardSeat>;
  chair: Chair | null;
  /** Current ties to other organisations: person id -> organisation -> affiliation. */
  affiliations: Dict<Dict<Affiliation>>;
  workforce: z.output<typeof Workforce> | null;
  petitions: Dict<Petition>;
  /** Open offers, negotiations and agreements in principle, by item id. */
  pending: Dict<PendingItem>;
  /** Items that were pending and have been resolved, by item id. */
  closed: Dict<ClosedItem>;
  /** The last event applied, or null before the first. */
  last: z.output<typeof LastApplied>;
}

export const initialState = (id: string): CompanyState => ({
  id,
  name: id,
  roles: dict(),
  former: dict(),
  board: dict(),
  chair: null,
  affiliations: dict(),
  workforce: null,
  petitions: dict(),
  pending: dict(),
  closed: dict(),
  last: null,
});

/**
 * A copy that can be mutated without touching the original. Two levels suffice because `evolve`
 * only ever replaces the values inside these maps (the per-person maps included), never mutates them in place.
 */
export const copyState = (s: CompanyState): CompanyState => ({
  ...s,
  roles: dict(s.roles),
  former: dict(s.former),
  board: dict(s.board),
  affiliations: dict(s.affiliations),
  petitions: dict(s.petitions),
  pending: dict(s.pending),
  closed: dict(s.closed),
});

/**
 * Freezes the state and its maps. Enough to keep checkpoints safe: every value it shares with one
 * is already frozen, and the values it does not share are its own.
 */
export const freezeShallow = (s: CompanyState): CompanyState => {
  for (const map of [s.roles, s.former, s.board, s.affiliations, s.petitions, s.pending, s.closed]) Object.freeze(map);
  return Object.freeze(s);
};

/** Per-person maps are small; keying by person first keeps every copy and every change small too. */
export const allOf = <T>(byPerson: Dict<Dict<T>>): T[] => dictValues(byPerson).flatMap((inner) => dictValues(inner));
