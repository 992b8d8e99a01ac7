/**
 * The state of one company at one moment: what replay produces and snapshots publish. Defined once
 * as schemas, so the TypeScript types, the snapshot validator and `schemas/snapshot.schema.json`
 * cannot disagree.
 */
import { z } from 'zod';
import { dict, dictGet, dictMapValues, dictValues, type Dict } from './dict';
import { seatOf } from './seats';
import { Precision } from './event';
import { Certainty, ControlKind, EndCause, Outcome, PersonRef } from './vocabulary';

export type Person = z.output<typeof PersonRef>;

/** An effective time as the source gave it: the instant, how precise it is, and where it was. */
export const Moment = z.object({ time: z.string(), precision: Precision, timezone: z.string() });
export type Moment = z.output<typeof Moment>;

/** Where a fact in the state comes from: the event that established it, and how sure it was. */
const basis = { eventId: z.string(), certainty: Certainty };
export type Basis = { eventId: string; certainty: z.output<typeof Certainty> };

/**
 * Set on a fact that was already true when the log's coverage starts: `since` is then "in office as
 * of" that moment, and the real start is unknown.
 */
const asOf = { asOf: z.literal(true).optional() };

/** A position held (Wikidata's P39): start, qualifiers, and what it replaced. */
export const Holding = z.object({
  ...basis,
  ...asOf,
  /** The seat's identity (`cto` for "CTO" and "Chief Technology Officer" alike). */
  seat: z.string(),
  /** The seat's title as shown. */
  role: z.string(),
  /** The source's own wording, when it differs from the seat's title. */
  title: z.string().optional(),
  person: PersonRef,
  interim: z.boolean(),
  acting: z.boolean(),
  since: Moment,
  replaces: z.string().optional(),
});
export type Holding = z.output<typeof Holding>;

/**
 * How a stint ended: when, why, and the event that ended it with that event's own certainty. The
 * stint's `certainty` is its start's: a director who joined on a confirmed source may be only
 * reported to have left.
 */
const ending = { until: Moment, endCause: EndCause, endEventId: z.string(), endCertainty: Certainty.describe('How sure the source of the event that ended it is (`certainty` is the start\'s)') };

/** A position no longer held: the holding plus its end, end cause and successor. */
export const FormerHolding = Holding.extend({ ...ending, replacedBy: z.string().optional() });
export type FormerHolding = z.output<typeof FormerHolding>;

export const BoardSeat = z.object({ ...basis, ...asOf, person: PersonRef, independent: z.boolean().optional(), since: Moment });
export type BoardSeat = z.output<typeof BoardSeat>;

export const FormerBoardSeat = BoardSeat.extend(ending);
export type FormerBoardSeat = z.output<typeof FormerBoardSeat>;

export const Chair = z.object({ ...basis, ...asOf, person: PersonRef, interim: z.boolean(), executive: z.boolean().optional(), since: Moment });
export type Chair = z.output<typeof Chair>;
export const FormerChair = Chair.extend(ending);
export type FormerChair = z.output<typeof FormerChair>;

/** Who controls the company, when that changed hands in the log (an acquisition, a new parent). */
export const Control = z.object({ ...basis, controller: z.string(), kind: ControlKind, summary: z.string().optional(), since: Moment });
export type Control = z.output<typeof Control>;

export const Affiliation = z.object({ ...basis, ...asOf, person: PersonRef, organization: z.string(), role: z.string().optional(), since: Moment });
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

export const PendingKind = z.enum(['offer', 'negotiation', 'agreement-in-principle', 'signed-agreement', 'dispute']);
export type PendingKind = z.output<typeof PendingKind>;

/** An offer, negotiation or agreement in principle: open until a later event resolves it. */
export const PendingItem = z.object({ ...basis, id: z.string(), kind: PendingKind, summary: z.string(), parties: z.array(z.string()), opened: Moment });
export type PendingItem = z.output<typeof PendingItem>;

/** A resolved item: `certainty` is its opening's, `closeCertainty` that of the event that resolved it. */
export const ClosedItem = PendingItem.extend({
  outcome: Outcome,
  closed: Moment,
  closeEventId: z.string(),
  closeCertainty: Certainty.describe('How sure the source of the event that resolved it is (`certainty` is the opening\'s)'),
  resolution: z.string().optional(),
});
export type ClosedItem = z.output<typeof ClosedItem>;

/** The last fact the state counts, with its time as known: a time known only to the day is not read as that day's midnight. */
export const LastApplied = z.object({ eventId: z.string(), seq: z.int(), ...Moment.shape }).nullable();

/** Every map below is a `Dict`: its keys come from data, so none of them may reach a prototype. */
export interface CompanyState {
  id: string;
  name: string;
  /** Current holders by seat (`seatOf(title).key`). */
  roles: Dict<Holding>;
  /** Each person's latest finished stint per seat: person id -> seat -> holding. */
  former: Dict<Dict<FormerHolding>>;
  /** Current directors by person id. */
  board: Dict<BoardSeat>;
  /** Each person's latest finished seat on the board, by person id. */
  formerBoard: Dict<FormerBoardSeat>;
  chair: Chair | null;
  /** Each person's latest finished time as chair, by person id. */
  formerChairs: Dict<FormerChair>;
  control: Control | null;
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

export const initialState = (id: string, name = id): CompanyState => ({
  id,
  name,
  roles: dict(),
  former: dict(),
  board: dict(),
  formerBoard: dict(),
  chair: null,
  formerChairs: dict(),
  control: null,
  affiliations: dict(),
  workforce: null,
  petitions: dict(),
  pending: dict(),
  closed: dict(),
  last: null,
});

/** The state's maps, by name: what a copy copies and a checkpoint freezes. */
const MAPS = ['roles', 'former', 'board', 'formerBoard', 'formerChairs', 'affiliations', 'petitions', 'pending', 'closed'] as const satisfies readonly (keyof CompanyState)[];
export type MapName = (typeof MAPS)[number];

/**
 * A copy that can be mutated without touching the original. Two levels suffice because `evolve`
 * only ever replaces the values inside these maps (the per-person maps included), never mutates them in place.
 */
export const copyState = (s: CompanyState): CompanyState => {
  const copy = { ...s };
  for (const name of MAPS) (copy as Record<MapName, unknown>)[name] = dict(s[name] as Dict<unknown>);
  return copy;
};

/**
 * Freezes the state and its maps. Enough to keep checkpoints safe: every value it shares with one
 * is already frozen, and the values it does not share are its own.
 */
export const freezeShallow = (s: CompanyState): CompanyState => {
  for (const name of MAPS) Object.freeze(s[name]);
  return Object.freeze(s);
};

/**
 * Freezes a value and everything in it, stopping at what is already frozen (a value a checkpoint
 * shares with the checkpoint before it).
 */
export function freezeDeep<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  // Own keys only: states are plain data, and their maps have no prototype.
  for (const key of Object.keys(value)) freezeDeep((value as Record<string, unknown>)[key]);
  return value;
}

/**
 * A checkpoint: a copy of the state frozen all the way down, made in one pass over its maps. A value
 * the previous checkpoint holds under the same key is frozen already and is not looked into:
 * asking a map of forty entries whether it is frozen visits all forty, and a copy followed by a
 * deep freeze (immer's, which asks that of every value of every map) was most of the cost of
 * building a million-event timeline's checkpoints. `changed` is told each map key whose value is
 * not the previous checkpoint's.
 */
export function frozenCopy(s: CompanyState, previous: CompanyState, changed?: (map: MapName, key: string) => void): CompanyState {
  const copy = { ...s } as Record<keyof CompanyState, unknown>;
  for (const key of Object.keys(copy) as (keyof CompanyState)[]) {
    const before = previous[key];
    // Maps copied with their values frozen (and their changed keys told); every other field (a chair, the last change...) frozen whole.
    const fresh = (value: unknown, name: string) => {
      changed?.(key as MapName, name);
      return freezeDeep(value);
    };
    copy[key] = isMap(key) ? Object.freeze(dictMapValues(s[key] as Dict<unknown>, (value, name) => (dictGet(before as Dict<unknown>, name) === value ? value : fresh(value, name)))) : freezeDeep(s[key]);
  }
  return Object.freeze(copy) as CompanyState;
}

const isMap = (key: keyof CompanyState): key is MapName => (MAPS as readonly string[]).includes(key);

/** Per-person maps are small; keying by person first keeps every copy and every change small too. */
export const allOf = <T>(byPerson: Dict<Dict<T>>): T[] => dictValues(byPerson).flatMap((inner) => dictValues(inner));

/** Who holds the seat a title names ("CTO" or "Chief Technology Officer"), if anyone. */
export const holderOf = (s: CompanyState, title: string): Holding | undefined => dictGet(s.roles, seatOf(title).key);
