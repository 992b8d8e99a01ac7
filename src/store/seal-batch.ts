/**
 * Turning validated drafts into the lines of one batch, the same way in every store: ids already
 * in the log are skipped (same content) or refused (other content), and the rest are sealed with
 * consecutive seqs, the hash chain, one `recordedtime` and, for two or more, `batchend`.
 */
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json';
import type { EventDraft, EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { correctionFutureProblem, futureTimeProblem } from '../core/future-time';
import type { Ledger } from '../core/ledger';
import { sealRecord, sha256 } from './seal';

export interface SealedBatch {
  sealed: { record: EventRecord; line: string; hash: string }[];
  skipped: string[];
}

/** The fields that make an event what it is: an id re-sent with other values here is a conflict. */
const CONTENT_FIELDS = ['type', 'subject', 'time', 'timeprecision', 'timezone', 'source', 'specversion', 'datacontenttype', 'data'] as const;
const differingField = (draft: EventDraft, record: EventRecord): string | undefined =>
  CONTENT_FIELDS.find((field) => canonicalJson((draft as Record<string, unknown>)[field] ?? null) !== canonicalJson((record as Record<string, unknown>)[field] ?? null));

export function sealBatch(ledger: Ledger, hashOf: (seq: number) => string, drafts: readonly EventDraft[], now: Date, fieldOf: (index: number) => string): SealedBatch {
  const fresh: EventDraft[] = [];
  /** Each fresh draft's place in `drafts`, for naming its fields. */
  const places: number[] = [];
  const skipped: string[] = [];
  const inBatch = new Map<string, EventDraft>();
  drafts.forEach((draft, index) => {
    const id = draft.id ?? randomUUID();
    const earlier = ledger.byId(id) ?? inBatch.get(id);
    if (earlier) {
      const field = differingField(draft, earlier as EventRecord);
      if (field) {
        const where = 'seq' in earlier ? `record #${(earlier as EventRecord).seq}` : 'an earlier event of this batch';
        throw new IncumbentError('conflict', `id "${id}" is already used by ${where} with a different ${field}; an id names one event forever: give this event a new id, or revise the old one with event.corrected`, `${fieldOf(index)}.id`);
      }
      skipped.push(id);
      return;
    }
    inBatch.set(id, draft);
    fresh.push({ ...draft, id });
    places.push(index);
  });
  const last = ledger.record(ledger.head);
  // recordedtime never goes backwards along the log, whatever the writers' clocks say.
  const recordedtime = new Date(Math.max(now.getTime(), last ? Date.parse(last.recordedtime) : 0)).toISOString();
  // What is still to come is judged by this writer's clock, not by `recordedtime`: an earlier
  // writer whose clock ran ahead carried recordedtime ahead, and would have let everyone after it
  // record that far into the future.
  refuseFutureTimes(ledger, fresh, now.getTime(), (i) => fieldOf(places[i]!));
  const batchend = fresh.length > 1 ? ledger.head + fresh.length : undefined;
  const sealed: SealedBatch['sealed'] = [];
  let prevhash = hashOf(ledger.head);
  for (const draft of fresh) {
    const next = sealRecord(draft, { id: draft.id!, seq: ledger.head + sealed.length + 1, prevhash, recordedtime, ...(batchend ? { batchend } : {}) });
    prevhash = sha256(next.line);
    sealed.push({ ...next, hash: prevhash });
  }
  return { sealed, skipped };
}

/** Refuses an event, or a correction's new time or precision, dated after `recordedAt`, the moment the batch is recorded on its writer's clock (see `future-time.ts`). */
function refuseFutureTimes(ledger: Ledger, fresh: readonly EventDraft[], recordedAt: number, fieldOf: (i: number) => string): void {
  fresh.forEach((draft, i) => {
    const own = futureTimeProblem(draft.time, draft.timeprecision, draft.timezone, recordedAt);
    if (own) throw new IncumbentError('invalid', own, `${fieldOf(i)}.time`);
    // A source cannot be cited before it is published ("as published by" would read it early): the event's, or a corrected fact's.
    type Cited = { citation?: { published?: string }; data?: Cited };
    const data = draft.data as Cited;
    for (const [path, cited] of [['data', data], ['data.data', data.data]] as const) {
      const published = cited?.citation?.published;
      if (published && Date.parse(published) > recordedAt) throw new IncumbentError('invalid', `${published} is after the moment this event is recorded (${new Date(recordedAt).toISOString()}): a source is cited once it is published`, `${fieldOf(i)}.${path}.citation.published`);
    }
    // The ledger's effect is the fact as corrected so far; a correction earlier in this batch is followed to its fact.
    const moved = correctionFutureProblem(draft, (id) => ledger.effectOf(id) ?? fresh.find((other) => other.id === id), recordedAt);
    if (moved) throw new IncumbentError('invalid', moved.message, `${fieldOf(i)}.${moved.field}`);
  });
}
