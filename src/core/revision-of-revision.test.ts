/** What cannot be revised says why, in English, and what to do instead. */
import { describe, expect, it } from 'vitest';
import type { EventDraft } from './event';
import { checkRevision, type RevisionContext } from './revision';

const citation = { document: 'A gazette', quote: 'A sentence.' };
const records: Record<string, { type: string; subject: string; data: object }> = {
  r1: { type: 'event.retracted', subject: 'acme', data: { target: 'a1', reason: 'wrong', citation } },
  log: { type: 'log.created', subject: 'acme', data: { title: 'Acme' } },
};
const context = { find: (id: string) => records[id], revisionOf: () => undefined } as unknown as RevisionContext;
const retraction = (target: string) => ({ type: 'event.retracted', subject: 'acme', data: { target, reason: 'undo', citation } }) as unknown as EventDraft;

describe('checkRevision', () => {
  it('says a retraction cannot be undone, and how to restore the fact', () => {
    expect(() => checkRevision(retraction('r1'), context)).toThrow('data.target: a retraction (event.retracted) cannot be revised: to restore the fact, append it again under a new id');
  });

  it('says the log record cannot be revised', () => {
    expect(() => checkRevision(retraction('log'), context)).toThrow('data.target: a log.created record cannot be revised');
  });
});
