/**
 * The event vocabulary: one runtime schema per event type, and the TypeScript types derived from it.
 * Nothing here is OpenAI-specific: roles are free-text titles, organisations are names, and every
 * company is just a `subject`.
 */
import { z } from 'zod';

/** Stable identifiers for companies, people, petitions and pending items: `sam-altman`, `openai`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens (at most 64)');

export const PersonRef = z.object({ id: Slug, name: z.string().trim().min(1, 'must not be empty') });

/** Every event cites where it comes from, down to the sentence, so a reader can check it. */
export const Citation = z.object({
  document: z.string().trim().min(1, 'must name the source document'),
  title: z.string().trim().min(1).optional(),
  url: z.url().optional(),
  quote: z.string().trim().min(1, 'must quote the sentence the event comes from'),
});

/** How sure the source is: an announced fact, a press report, or a rumour. */
export const Certainty = z.enum(['confirmed', 'reported', 'rumoured']);

/** Why a role, seat or affiliation ended (Wikidata's "end cause"). */
export const EndCause = z.enum(['fired', 'resigned', 'replaced', 'removed', 'term-ended', 'declined', 'died', 'promoted', 'other']);

/** How a pending item ended: `closed` is a signed deal completing, `settled` a dispute ending. */
export const Outcome = z.enum(['accepted', 'refused', 'withdrawn', 'concluded', 'lapsed', 'superseded', 'closed', 'terminated', 'settled']);

/** How control of the company changed hands. */
export const ControlKind = z.enum(['acquired', 'merged', 'taken-private', 'listed', 'new-parent', 'other']);

const Title = z.string().trim().min(1, 'must not be empty').max(200);

/**
 * Fields every payload carries. `baseline` marks a fact already true when the log's coverage starts
 * ("in office as of" its time, start unknown): it is state, never a change.
 */
const common = { citation: Citation, certainty: Certainty, baseline: z.boolean().optional() };
const payload = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ...common, ...shape });

/** Payload schema per event type. Types are past tense: they record what happened. */
export const payloads = {
  'company.registered': payload({ name: Title }),
  'role.assumed': payload({
    person: PersonRef,
    role: Title,
    interim: z.boolean().default(false),
    acting: z.boolean().default(false),
    replaces: Slug.optional(),
  }),
  'role.vacated': payload({ person: PersonRef, role: Title, cause: EndCause, replacedBy: Slug.optional() }),
  'board.joined': payload({ person: PersonRef, independent: z.boolean().optional() }),
  'board.left': payload({ person: PersonRef, cause: EndCause }),
  'board.chair.assumed': payload({ person: PersonRef, interim: z.boolean().default(false), executive: z.boolean().optional() }),
  'board.chair.vacated': payload({ person: PersonRef, cause: EndCause }),
  'affiliation.started': payload({ person: PersonRef, organization: Title, role: Title.optional() }),
  'affiliation.ended': payload({ person: PersonRef, organization: Title, cause: EndCause }),
  'workforce.reported': payload({ headcount: z.int().positive() }),
  'petition.reported': payload({
    petition: Slug,
    title: Title,
    demands: z.array(z.string().trim().min(1)).default([]),
    signatories: z.int().nonnegative(),
  }),
  'offer.made': payload({ item: Slug, from: Title, to: Title, summary: Title }),
  'negotiation.opened': payload({ item: Slug, parties: z.array(Title).min(1), summary: Title }),
  'agreement.reached': payload({
    item: Slug,
    inPrinciple: z.boolean(),
    parties: z.array(Title).min(1),
    summary: Title,
    resolves: z.array(Slug).default([]),
    /** A final agreement that is signed but has not closed yet: pending until a `pending.resolved` (closed, terminated). */
    signed: z.boolean().optional(),
  }),
  'pending.resolved': payload({ item: Slug, outcome: Outcome, summary: Title.optional() }),
  'statement.made': payload({ person: PersonRef, text: z.string().trim().min(1), medium: Title.optional() }),
  /** The board is exactly these members from now on: any director not named leaves (with `cause`). */
  'board.reconstituted': payload({ members: z.array(PersonRef).max(500), chair: PersonRef.optional(), cause: EndCause.default('removed') }),
  /** Control of the company passed to `controller` (an acquisition closed, taken private, a new parent). */
  'control.changed': payload({ controller: Title, kind: ControlKind, summary: Title.optional() }),
  /** A dispute or termination attempt (one party trying to walk away from a deal): pending until resolved. */
  'dispute.opened': payload({ item: Slug, parties: z.array(Title).min(1), summary: Title }),
} as const;

export type DomainType = keyof typeof payloads;
export const domainTypes = Object.keys(payloads) as DomainType[];
export type Payload<T extends DomainType> = z.output<(typeof payloads)[T]>;

/** Corrections and retractions never edit the past: they are new events that point at an old one. */
export const revisionPayloads = {
  'event.corrected': z.strictObject({
    target: z.string().min(1),
    reason: Title,
    citation: Citation,
    /** The corrected version of the target: its type stays, its time and data may change. */
    time: z.iso.datetime({ offset: true }).optional(),
    timeprecision: z.enum(['year', 'month', 'day', 'hour', 'minute', 'second']).optional(),
    data: z.record(z.string(), z.unknown()),
  }),
  'event.retracted': z.strictObject({ target: z.string().min(1), reason: Title, citation: Citation }),
} as const;

export const logPayloads = {
  /** The first record of every log; its id is the log's identity. */
  'log.created': z.strictObject({ title: Title }),
} as const;

export const allPayloads = { ...logPayloads, ...payloads, ...revisionPayloads } as const;
export type EventType = keyof typeof allPayloads;
export const eventTypes = Object.keys(allPayloads) as EventType[];
export type RevisionType = keyof typeof revisionPayloads;
