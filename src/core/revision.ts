/** Rules for corrections and retractions: what may be revised, and what a corrected version must be. */
import type { EventDraft, EventRecord, RecordOf } from './event';
import type { Effective } from './evolve';
import { invalid } from './errors';
import { shapeIssue } from './validate';
import { isDomain, payloads } from './vocabulary';

/** What the rules need to know about the log (the ledger, plus the earlier events of the same batch). */
export interface RevisionContext {
  find(id: string): Pick<EventRecord, 'type' | 'subject' | 'data'> | undefined;
  revisionOf(id: string): string | undefined;
}

/** Validates a revision against the log; returns the draft with the corrected data parsed. */
export function checkRevision(draft: EventDraft, context: RevisionContext, prefix = ''): EventDraft {
  if (draft.type !== 'event.corrected' && draft.type !== 'event.retracted') return draft;
  const field = (name: string) => [prefix, name].filter(Boolean).join('.');
  const target = context.find(draft.data.target);
  if (!target) throw invalid(field('data.target'), `no event with id "${draft.data.target}" in this log`);
  const revisedBy = context.revisionOf(draft.data.target);
  // The same revision sent again (a batch re-run after a failure) is the id rule's: a no-op, or a conflict.
  if (revisedBy && revisedBy !== draft.id) throw invalid(field('data.target'), `event "${draft.data.target}" was already revised by "${revisedBy}"; revise that one instead`);
  const targetType = target.type === 'event.corrected' ? correctedType(draft.data.target, context) : target.type;
  if (!targetType || !isDomain(targetType)) throw invalid(field('data.target'), unrevisable(target.type));
  if (draft.subject !== target.subject) throw invalid(field('subject'), `must be "${target.subject}", the company of the revised event`);
  if (draft.type === 'event.retracted') return draft;
  const parsed = payloads[targetType].safeParse(draft.data.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(field(['data.data', ...issue.path.map(String)].join('.')), issue.message);
  }
  return { ...draft, data: { ...draft.data, data: parsed.data } };
}

/** Why a record that states no fact cannot be revised; a retraction is final, so say what restores its fact. */
const unrevisable = (type: string) =>
  type === 'event.retracted' ? 'a retraction (event.retracted) cannot be revised: to restore the fact, append it again under a new id' : `a ${type} record cannot be revised`;

/** The domain type behind a correction (a correction of a correction keeps the original's type). */
function correctedType(id: string, context: RevisionContext): string | undefined {
  for (let record = context.find(id); record; ) {
    if (record.type !== 'event.corrected') return record.type;
    record = context.find((record.data as { target: string }).target);
  }
  return undefined;
}

/**
 * The fact a correction makes of its target: its data as the target type's schema parses it (as
 * appends store it; a hand-made log is parsed here all the same, so replay finds every field the
 * schema defaults), or undefined if the schema refuses its shape. Data that breaks only content
 * rules made after it was written (a url's characters, say) is replayed as written, as a stored
 * record is (`checkStoredRecord`): tightening a rule never changes the state of an existing log.
 */
export function correctedEffect(original: Effective, record: RecordOf<'event.corrected'>): Effective | undefined {
  const parsed = payloads[original.type].safeParse(record.data.data);
  if (!parsed.success && shapeIssue(parsed.error.issues)) return undefined;
  const data = parsed.success ? parsed : { data: record.data.data };
  return {
    ...original,
    id: record.id,
    seq: record.seq,
    time: record.data.time ?? original.time,
    timeprecision: record.data.timeprecision ?? original.timeprecision,
    data: data.data,
  } as Effective;
}
