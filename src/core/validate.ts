/** Turns unknown input into a typed event draft, or an error that names the field and the problem. */
import type { z } from 'zod';
import { EventDraftSchema, EventRecordSchema, type EventDraft, type EventRecord } from './event';
import { invalid, type IncumbentError } from './errors';
import { fastAccept, NOT_SURE } from './fast-accept';
import { futureTimeProblem } from './future-time';
import { toEpoch } from './time';
import { offsetProblem } from './zone';
import { isSubMillisecond, SUB_MILLISECOND } from './vocabulary';

/** zod says "Invalid discriminator value"; a person needs the type they sent and the ones that exist. */
function unknownType(issue: z.core.$ZodIssueInvalidUnion, input: unknown): string | undefined {
  if (issue.path.length !== 1 || issue.path[0] !== 'type' || !('options' in issue)) return undefined;
  const known = (issue.options as unknown[]).join(', ');
  const type = (input as { type?: unknown }).type;
  if (type === undefined) return `must name the event type; known types: ${known}`;
  // Only a string is quoted back, and only its start: any other value may be nested beyond what JSON.stringify can walk.
  if (typeof type !== 'string') return `must be a string naming the event type, not ${Array.isArray(type) ? 'an array' : typeof type === 'object' ? 'an object' : `a ${typeof type}`}; known types: ${known}`;
  return `unknown event type ${JSON.stringify(type.length > 64 ? `${type.slice(0, 64)}…` : type)}; known types: ${known}`;
}

const describeIssue = (issue: z.core.$ZodIssue, prefix: string, input: unknown): IncumbentError => {
  const field = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || undefined;
  if (issue.code === 'unrecognized_keys') return invalid(field, `unknown field(s) ${issue.keys.join(', ')}`);
  if (issue.code === 'invalid_union') return invalid(field, unknownType(issue, input) ?? issue.message);
  return invalid(field, issue.message);
};

function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix: string): T {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid(prefix || undefined, 'must be a JSON object (one CloudEvent)');
  }
  const result = schema.safeParse(input);
  if (!result.success) throw describeIssue(result.error.issues[0]!, prefix, input);
  return result.data;
}

/** Validates a caller's draft (log-assigned fields may be absent and are ignored by the log). */
export const parseDraft = (input: unknown, prefix = ''): EventDraft => {
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    // A caller may submit an event copied from another log: what the log assigns is dropped, not refused.
    const { seq: _seq, prevhash: _prevhash, recordedtime: _recordedtime, batchend: _batchend, revisedby: _revisedby, ...rest } = input as Record<string, unknown>;
    input = rest;
  }
  const draft = parseWith(EventDraftSchema, input, prefix);
  const field = (name: string) => [prefix, name].filter(Boolean).join('.');
  if (draft.type !== 'log.created' && !draft.subject) throw invalid(field('subject'), 'must name the company the event is about');
  const offset = offsetProblem(draft.time, draft.timezone, toEpoch(draft.time));
  // No zone given: UTC is taken, and the offset's author most likely meant a zone of their own.
  if (offset && !Object.hasOwn(input as object, 'timezone')) throw invalid(field('timezone'), `is not given, so UTC is taken, but time ${draft.time} is not in UTC: add the company's IANA time zone, e.g. "timezone": "America/Los_Angeles"`);
  if (offset) throw invalid(field('time'), offset);
  const precise = subMillisecondField(draft, '');
  if (precise) throw invalid(field(precise), SUB_MILLISECOND);
  return draft;
};

/** The first time of a draft (its own, a citation's `published`, a correction's `time`) with more digits than milliseconds, as its field. */
function subMillisecondField(value: object, path: string): string | undefined {
  for (const [key, item] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    if (typeof item === 'string' && (key === 'time' || key === 'published') && isSubMillisecond(item)) return field;
    const inner = typeof item === 'object' && item !== null ? subMillisecondField(item, field) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Validates a sealed record as read from a log line. */
export const parseRecord = (input: unknown, prefix = ''): EventRecord =>
  parseWith(EventRecordSchema as unknown as z.ZodType<EventRecord>, input, prefix);

/**
 * Content rules (lengths, characters, URL schemes, zone spellings) tightened after the first
 * version; a record written before them is still a valid record. Only shape problems (a missing
 * field, a wrong type, an unknown value or key) make a stored record damaged.
 */
const CONTENT_RULE = new Set(['too_big', 'invalid_format', 'custom']);

/** The first of `issues` that is no content rule (see above): a stored value written before those rules may break them, never this. */
export const shapeIssue = (issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined => issues.find((issue) => !CONTENT_RULE.has(issue.code));

/**
 * Every record of a log is checked when it is verified: the quick pass first, zod for a verdict it
 * is unsure of. Compiled when first needed (about 7 ms), so a command that checks none never pays.
 */
let acceptRecord: ((input: unknown) => unknown) | undefined;

/**
 * Checks a stored record: throws on a shape problem; returns what today's content rules would
 * refuse in it (written under older rules), or undefined when it meets them all.
 */
export function checkStoredRecord(input: unknown): string | undefined {
  const accepted = (acceptRecord ??= fastAccept(EventRecordSchema))(input);
  const result = accepted === NOT_SURE ? EventRecordSchema.safeParse(input) : { success: true as const, data: accepted };
  if (result.success) {
    const record = result.data as EventRecord;
    const future = futureTimeProblem(record.time, record.timeprecision, record.timezone, toEpoch(record.recordedtime));
    return future && `time: ${future}`;
  }
  const shape = shapeIssue(result.error.issues);
  if (shape) throw describeIssue(shape, '', input);
  return describeIssue(result.error.issues[0]!, '', input).message;
}
