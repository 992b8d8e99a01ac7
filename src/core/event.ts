/**
 * The CloudEvents 1.0 envelope. A *draft* is what a caller submits; a *record* is a draft the log
 * has sealed with the fields only the log may assign (sequence, previous hash, recorded time).
 */
import { z } from 'zod';
import { allPayloads, EventId, EventSource, OffsetDateTime, type EventType } from './vocabulary';
import { ZONE_NAME_MAX, zoneProblem } from './zone';

export const Precision = z.enum(['year', 'month', 'day', 'hour', 'minute', 'second']);
export type Precision = z.infer<typeof Precision>;

export const TimeZone = z
  .string()
  .max(ZONE_NAME_MAX)
  .superRefine((zone, context) => {
    // Zod runs this even when the length check failed, whose message is the one to give.
    if (zone.length > ZONE_NAME_MAX) return;
    const problem = zoneProblem(zone);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** When the change happened in the world (see `OffsetDateTime`). */
export const EffectiveTime = OffsetDateTime;

const envelope = {
  specversion: z.literal('1.0').default('1.0'),
  id: EventId.optional(),
  source: EventSource.default('urn:incumbent:user'),
  subject: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a company id: lower-case letters, digits and hyphens').optional(),
  time: EffectiveTime,
  timeprecision: Precision.default('minute'),
  timezone: TimeZone.default('UTC'),
  datacontenttype: z.literal('application/json').default('application/json'),
};

/** Log-assigned fields, CloudEvents extensions (lower-case, at most 20 characters). */
const sealed = {
  id: z.string().trim().min(1).max(128),
  seq: z.int().positive(),
  prevhash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits'),
  recordedtime: z.iso.datetime({ offset: true }),
  /**
   * On every record of a batch of two or more: the seq of the batch's last record. A log whose
   * last batch is not complete on disk was torn by a crash; reading sets the whole batch aside.
   */
  batchend: z.int().positive().optional(),
};

const variant = <T extends EventType>(type: T) => z.strictObject({ ...envelope, type: z.literal(type), data: allPayloads[type] });
type Variant<T extends EventType> = ReturnType<typeof variant<T>>;
const variants = Object.fromEntries(
  (Object.keys(allPayloads) as EventType[]).map((type) => [type, variant(type)]),
) as { [T in EventType]: Variant<T> };

const union = <S extends z.ZodObject>(map: Record<string, S>) =>
  z.discriminatedUnion('type', Object.values(map) as [S, ...S[]]);

/** A validated draft: defaults applied, log-assigned fields absent. */
export type EventDraft = { [T in EventType]: z.output<Variant<T>> }[EventType];
/** What a caller may write: defaults may be omitted. */
export type EventDraftInput = { [T in EventType]: z.input<Variant<T>> }[EventType];
/** A sealed record, exactly as one line of the log. */
export type EventRecord = EventDraft & { id: string; seq: number; prevhash: string; recordedtime: string; batchend?: number };
export type RecordOf<T extends EventType> = Extract<EventRecord, { type: T }>;

export const EventDraftSchema = union(variants as Record<string, z.ZodObject>) as unknown as z.ZodType<EventDraft, EventDraftInput>;
export const EventRecordSchema = union(
  Object.fromEntries(Object.entries(variants).map(([type, schema]) => [type, schema.extend(sealed)])),
);
