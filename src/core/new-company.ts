/**
 * An event about a company the log does not know starts that company. A slip of the keyboard
 * ("opnai" for "openai") would start one silently and file the event where nobody looks, so a new
 * company whose id is within two edits of a known one is refused unless the same batch registers it
 * (`company.registered`), which says the new company is meant.
 */
import type { EventDraft } from './event';
import { invalid } from './errors';

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, or `limit + 1` once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/** Throws `invalid` naming the first event about an unregistered new company that looks like a known one's slip. */
export function checkNewCompanies(known: readonly string[], drafts: readonly EventDraft[], fieldOf: (index: number) => string): void {
  const registered = new Set(drafts.flatMap((d) => (d.type === 'company.registered' && d.subject ? [d.subject] : [])));
  const companies = new Set(known);
  // Compared with the log's companies only: a batch that starts several alike (company-1, company-10) on purpose is an import.
  const checked = new Set<string>();
  drafts.forEach((draft, index) => {
    const subject = draft.subject;
    if (!subject || companies.has(subject) || checked.has(subject) || registered.has(subject)) return;
    checked.add(subject);
    const near = known.find((company) => editDistance(company, subject, 2) <= 2);
    if (near) throw invalid(`${fieldOf(index)}.subject`, `"${subject}" is no company in this log, and "${near}" is: if you meant "${near}", correct the subject; to start a new company "${subject}", register it in the same batch with a company.registered event`);
  });
}
