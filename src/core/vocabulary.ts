/**
 * The event vocabulary: one runtime schema per event type, and the TypeScript types derived from it.
 * Nothing here is OpenAI-specific: roles are free-text titles, organisations are names, and every
 * company is just a `subject`.
 */
import { dateTimeProblem } from './date-time-problem';
import { z } from 'zod';
import { qualifierOf, seatOf } from './seats';

/**
 * Upper bounds on what one event may carry, by field (characters, or items for lists). Generous for
 * any real source, small enough that no single event can bloat a log, a snapshot or the UI.
 * README.md ("The event model") lists them; keep the two in step.
 */
export const limits = {
  /** Names of people and companies, role titles, organisations, parties, media, titles. */
  name: 200,
  title: 200,
  /** One-sentence descriptions: what an offer or agreement says, why an event was revised. */
  summary: 500,
  reason: 500,
  document: 500,
  quote: 2_000,
  url: 2_048,
  source: 1_024,
  /** A statement's text may be a whole press release. */
  text: 10_000,
  demand: 500,
  demands: 50,
  parties: 20,
  resolves: 50,
  eventId: 128,
} as const;

/** RFC 3339 with an explicit offset, as CloudEvents requires: `2023-11-17T12:00:00-08:00`; one that is not is told why. */
export const OffsetDateTime = z.iso.datetime({ offset: true, error: (issue) => dateTimeProblem(issue.input) });

/**
 * A time given as new input has at most milliseconds: the app's instants are milliseconds (as
 * JavaScript's), and digits past them were cut off unsaid, so two events within one millisecond
 * were ordered against their written times. Checked where input enters (`parseDraft`, a query, a
 * bookmark), not in the schemas: a stored record, and the correction replay parses, are read as written.
 */
export const SUB_MILLISECOND = 'must give at most 3 digits after the seconds (milliseconds): the app orders times to the millisecond';
export const isSubMillisecond = (time: string) => /\.\d{4}/.test(time);
export const InputDateTime = OffsetDateTime.refine((time) => !isSubMillisecond(time), SUB_MILLISECOND);

/** C0 and C1 controls (DEL included), bidi embeddings, overrides and isolates, and the LRM/RLM marks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
/**
 * Prose may have tabs and line breaks, and right-to-left marks (ordinary in quoted Hebrew or Arabic),
 * but no other controls, and no embeddings, overrides or isolates: they reorder what a reader sees
 * against what is stored ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const PROSE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;
/**
 * At least one character that shows: not whitespace, not a combining mark of any script (which
 * marks a letter but alone shows nothing), not a format or control character (zero-width, joiners,
 * bidi marks, plane 14's tags), not one Unicode says to draw as nothing (Default_Ignorable_Code_Point:
 * Hangul's fillers, and the code points held unassigned for that, U+2065, U+FFF0-U+FFF8 and the
 * rest of plane 14, which are in no category above), and not the blank braille pattern. Written
 * with Unicode properties rather than lists of blocks, so a script nobody listed is covered too;
 * the `u` flag is the mode JSON Schema validators (ajv) read the published pattern in.
 */
const VISIBLE = /[^\s\p{M}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/u;
/** Half a surrogate pair with no other half: not a character, and stored only as an escape. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const WELL_FORMED = 'must be well-formed Unicode (it has half of a surrogate pair)';
const wellFormed = (value: string) => !LONE_SURROGATE.test(value);

/**
 * Free text that people read: trimmed, bounded, visible, and free of characters that hide or
 * reorder what is shown. Written as patterns so the published JSON Schema carries the same rules.
 */
const text = (max: number, shape: 'one-line' | 'prose', empty = 'must not be empty') =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max, `must be at most ${max} characters`)
    .regex(shape === 'one-line' ? ONE_LINE : PROSE, 'must not contain control or bidi-override characters')
    .regex(VISIBLE, 'must not be only whitespace or invisible characters')
    .refine(wellFormed, WELL_FORMED);

/** One line of text a person reads, by the rules of an event's names (a bookmark's name). */
export const oneLineText = (max: number) => text(max, 'one-line');

/** An event's id as a writer gives it: shown on screen and in messages, so one visible line. (Records already in a log are read as they are.) */
export const EventId = text(limits.eventId, 'one-line');

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `must list at most ${max}`);

/** The CloudEvents `source` (a URI reference): kept exactly as given, but bounded, on one line and well-formed. */
export const EventSource = z
  .string()
  .min(1)
  .max(limits.source, `must be at most ${limits.source} characters`)
  .regex(ONE_LINE, 'must not contain control or bidi-override characters')
  // A URI reference (CloudEvents) holds no space: "  " or "urn:my desk" names no source.
  .regex(/^\S+$/u, 'must be a URI reference, with no spaces')
  .refine(wellFormed, WELL_FORMED);

/** Stable identifiers for companies, people, petitions and pending items: `sam-altman`, `openai`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and hyphens (at most 64)');

/** Nested objects refuse unknown keys as the top level does: a misspelt field is an error, not lost. */
export const PersonRef = z.strictObject({ id: Slug, name: text(limits.name, 'one-line') });

/** Only the web: a citation link must open in a browser, never run script or read a local file. */
const CitationUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(limits.url, `must be at most ${limits.url} characters`)
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\//, 'must be an http(s) URL')
  // Shown as it is written (a reader checks it): no override may reorder it, as in any text.
  .regex(ONE_LINE, 'must not contain control or bidi-override characters')
  .refine(wellFormed, WELL_FORMED);

/** Every event cites where it comes from, down to the sentence, so a reader can check it. */
export const Citation = z.strictObject({
  document: text(limits.document, 'one-line', 'must name the source document'),
  title: text(limits.title, 'one-line').optional(),
  url: CitationUrl.optional(),
  quote: text(limits.quote, 'prose', 'must quote the sentence the event comes from'),
  /**
   * When the source was published (RFC 3339 with an offset). "As published by R" replays only what
   * sources had said by R, so a researcher entering an archived story can replay how it was learnt.
   */
  published: OffsetDateTime.optional(),
}, {
  // Every event cites its source: one left out is said so, not as zod's "expected object, received undefined".
  error: (issue) => (issue.input === undefined ? 'is required: the source the event comes from ({"document": ..., "quote": ...}, and a url or title if it has one)' : undefined),
});

/** How sure the source is: an announced fact, a press report, or a rumour. */
export const Certainty = z.enum(['confirmed', 'reported', 'rumoured']);

/** Why a role, seat or affiliation ended (Wikidata's "end cause"). */
export const EndCause = z.enum(['fired', 'resigned', 'replaced', 'removed', 'term-ended', 'declined', 'died', 'promoted', 'other']);

/** How a pending item ended: `closed` is a signed deal completing, `settled` a dispute ending. */
export const Outcome = z.enum(['accepted', 'refused', 'withdrawn', 'concluded', 'lapsed', 'superseded', 'closed', 'terminated', 'settled']);

/** How control of the company changed hands. */
export const ControlKind = z.enum(['acquired', 'merged', 'taken-private', 'listed', 'new-parent', 'other']);

const Title = text(limits.title, 'one-line');
const Name = text(limits.name, 'one-line');
const Summary = text(limits.summary, 'one-line');
const Reason = text(limits.reason, 'one-line');
/** The id of an event in the same log. */
const EventRef = z.string().min(1).max(limits.eventId);

/**
 * Fields every payload carries. `baseline` marks a fact already true when the log's coverage starts
 * ("in office as of" its time, start unknown): it is state, never a change.
 */
const common = { citation: Citation, certainty: Certainty, baseline: z.boolean().optional() };
const payload = <S extends z.ZodRawShape>(shape: S) => z.strictObject({ ...common, ...shape });

/** Payload schema per event type. Types are past tense: they record what happened. */
export const payloads = {
  'company.registered': payload({ name: Name }),
  'role.assumed': payload({
    person: PersonRef,
    role: Title,
    interim: z.boolean().default(false),
    acting: z.boolean().default(false),
    replaces: Slug.optional(),
  }).superRefine(({ role, interim, acting }, context) => {
    // The seat is the title without its qualifier, and the flag is what the state shows: an
    // "Interim CEO" without it would be shown as the CEO, with nothing interim about it.
    const qualifier = qualifierOf(role);
    if ((qualifier === 'interim' && !interim) || (qualifier === 'acting' && !acting)) {
      context.addIssue({ code: 'custom', path: [qualifier], message: `the title "${role}" says ${qualifier}: set ${qualifier} to true (the seat is ${seatOf(role).title})` });
    }
  }),
  'role.vacated': payload({ person: PersonRef, role: Title, cause: EndCause, replacedBy: Slug.optional() }),
  'board.joined': payload({ person: PersonRef, independent: z.boolean().optional() }),
  'board.left': payload({ person: PersonRef, cause: EndCause }),
  'board.chair.assumed': payload({ person: PersonRef, interim: z.boolean().default(false), executive: z.boolean().optional() }),
  'board.chair.vacated': payload({ person: PersonRef, cause: EndCause }),
  'affiliation.started': payload({ person: PersonRef, organization: Name, role: Title.optional() }),
  'affiliation.ended': payload({ person: PersonRef, organization: Name, cause: EndCause }),
  'workforce.reported': payload({ headcount: z.int().positive() }),
  'petition.reported': payload({
    petition: Slug,
    title: Title,
    demands: list(text(limits.demand, 'one-line'), limits.demands).default([]),
    signatories: z.int().nonnegative(),
  }),
  'offer.made': payload({ item: Slug, from: Name, to: Name, summary: Summary }),
  'negotiation.opened': payload({ item: Slug, parties: list(Name, limits.parties).min(1), summary: Summary }),
  'agreement.reached': payload({
    item: Slug,
    inPrinciple: z.boolean(),
    parties: list(Name, limits.parties).min(1),
    summary: Summary,
    resolves: list(Slug, limits.resolves).default([]),
    /** A final agreement that is signed but has not closed yet: pending until a `pending.resolved` (closed, terminated). */
    signed: z.boolean().optional(),
  }),
  'pending.resolved': payload({ item: Slug, outcome: Outcome, summary: Summary.optional() }),
  'statement.made': payload({ person: PersonRef, text: text(limits.text, 'prose'), medium: Title.optional() }),
  /** The board is exactly these members from now on: any director not named leaves (with `cause`). */
  'board.reconstituted': payload({ members: list(PersonRef, 500), chair: PersonRef.optional(), cause: EndCause.default('removed') }),
  /** Control of the company passed to `controller` (an acquisition closed, taken private, a new parent). */
  'control.changed': payload({ controller: Name, kind: ControlKind, summary: Summary.optional() }),
  /** A dispute or termination attempt (one party trying to walk away from a deal): pending until resolved. */
  'dispute.opened': payload({ item: Slug, parties: list(Name, limits.parties).min(1), summary: Summary }),
} as const;

export type DomainType = keyof typeof payloads;
export const domainTypes = Object.keys(payloads) as DomainType[];
/** Whether a type is one that changes a company's state (not the log's own, nor a revision). */
export const isDomain = (type: string): type is DomainType => Object.hasOwn(payloads, type);
export type Payload<T extends DomainType> = z.output<(typeof payloads)[T]>;

/**
 * A correction's new payload, checked against its event type once the target is known. A record
 * drops a key `__proto__` as it copies (it becomes the copy's prototype), so that key is refused
 * here, on the input, as every strict object refuses it.
 */
const CorrectedData = z
  .unknown()
  .check((ctx) => {
    if (typeof ctx.value === 'object' && ctx.value !== null && Object.hasOwn(ctx.value, '__proto__')) ctx.issues.push({ code: 'unrecognized_keys', keys: ['__proto__'], input: ctx.value as Record<string, unknown> });
  })
  .pipe(z.record(z.string(), z.unknown()));

/** Corrections and retractions never edit the past: they are new events that point at an old one. */
export const revisionPayloads = {
  'event.corrected': z.strictObject({
    target: EventRef,
    reason: Reason,
    citation: Citation,
    /** The corrected version of the target: its type stays, its time and data may change. */
    time: OffsetDateTime.optional(),
    timeprecision: z.enum(['year', 'month', 'day', 'hour', 'minute', 'second']).optional(),
    data: CorrectedData,
  }),
  'event.retracted': z.strictObject({ target: EventRef, reason: Reason, citation: Citation }),
} as const;

export const logPayloads = {
  /** The first record of every log; its id is the log's identity. */
  /** `company`: the company the log follows, named before any event says so (`incumbent init --company`). */
  'log.created': z.strictObject({ title: Title, company: z.strictObject({ id: Slug, name: Name }).optional() }),
} as const;

export const allPayloads = { ...logPayloads, ...payloads, ...revisionPayloads } as const;
export type EventType = keyof typeof allPayloads;
export const eventTypes = Object.keys(allPayloads) as EventType[];
export type RevisionType = keyof typeof revisionPayloads;
