/** A batch of raw events is validated whole before anything is written: all of it lands, or none. */
import type { EventDraft } from '../core/event';
import { IncumbentError } from '../core/errors';
import type { Ledger } from '../core/ledger';
import { checkConsistency } from '../core/consistency';
import { checkNewCompanies } from '../core/new-company';
import { checkRevision, type RevisionContext } from '../core/revision';
import { parseDraft } from '../core/validate';
import { refuseDuplicateKeys } from '../core/duplicate-key';

export function validateBatch(raw: readonly unknown[], ledger: Ledger, fieldOf: (index: number) => string): EventDraft[] {
  const batch = new Map<string, EventDraft>();
  const revised = new Map<string, string>();
  const context: RevisionContext = {
    find: (id) => ledger.byId(id) ?? (batch.get(id) as ReturnType<RevisionContext['find']>),
    revisionOf: (id) => ledger.revisionOf(id) ?? revised.get(id),
  };
  const drafts = raw.map((input, index) => {
    const draft = checkRevision(parseDraft(input, fieldOf(index)), context, fieldOf(index));
    if (draft.type === 'log.created') throw new IncumbentError('invalid', 'log.created is written once, by the log itself', `${fieldOf(index)}.type`);
    if (draft.id) batch.set(draft.id, draft);
    if (draft.type === 'event.corrected' || draft.type === 'event.retracted') revised.set(draft.data.target, draft.id ?? fieldOf(index));
    return draft;
  });
  checkNewCompanies(ledger.companies(), drafts, fieldOf);
  checkConsistency(ledger, drafts, fieldOf);
  return drafts;
}

/**
 * Splits JSON Lines text into values; a line that is not JSON is named by its number, with what to
 * do. The byte-order mark some Windows editors put first is not part of the text, and is dropped.
 */
export function parseJsonLines(text: string): unknown[] {
  const values: unknown[] = [];
  text.replace(/^\ufeff/, '').split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      values.push(JSON.parse(line));
    } catch (error) {
      throw new IncumbentError('invalid', notJson(line, error as Error), `line ${index + 1}`);
    }
    refuseDuplicateKeys(line, `line ${index + 1}`);
  });
  if (values.length === 0) throw new IncumbentError('invalid', 'holds no events', 'input');
  return values;
}

function notJson(line: string, error: Error): string {
  const what = line.startsWith('\ufeff') ? 'starts with a byte-order mark (U+FEFF), as where files were joined' : `is not valid JSON (${error.message})`;
  return `${what}: each line must be one event, a JSON object {...} (docs/authoring.md shows them); a CSV, PDF or word-processor file is not read`;
}
