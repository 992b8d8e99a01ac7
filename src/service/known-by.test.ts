/** Backfilling the knowledge axis: "as published in the sources by R" for an archived story entered today. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holderOf } from '../core/state';
import { openService, type LogService } from './service';

const open: LogService[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

const cite = (published: string) => ({ document: 'The Gazette', quote: 'As reported.', published });
const assume = (id: string, who: string, time: string, published: string) => ({
  id,
  type: 'role.assumed',
  subject: 'acme',
  time,
  timezone: 'UTC',
  data: { certainty: 'reported', citation: cite(published), person: { id: who, name: who }, role: 'CEO' },
});

describe('known-at, by publication', () => {
  it('replays how the sources told the story, though every record was written today', async () => {
    const s = await openService(join(mkdtempSync(join(tmpdir(), 'incumbent-known-by-')), 'log.jsonl'), { appVersion: 'test', create: { title: 'Archive' } });
    open.push(s);
    await s['log:append']({ events: [assume('a', 'ann', '2022-01-10T00:00:00Z', '2022-01-11T08:00:00Z'), assume('b', 'bob', '2022-03-01T00:00:00Z', '2022-03-05T08:00:00Z')] });
    // A later article corrects the date of Bob's appointment.
    await s['log:append']({ events: [{ type: 'event.corrected', subject: 'acme', time: '2022-04-01T00:00:00Z', timezone: 'UTC', data: { target: 'b', reason: 'He started earlier', citation: cite('2022-04-01T08:00:00Z'), time: '2022-02-15T00:00:00Z', data: { certainty: 'confirmed', citation: cite('2022-04-01T08:00:00Z'), person: { id: 'bob', name: 'bob' }, role: 'CEO' } } }] });
    const ceo = (at: string, knownAt: string, knownBy: 'recorded' | 'published') => holderOf(s.log.ledger.stateAt('acme', at, knownAt, knownBy)!, 'CEO')?.person.id;
    expect(ceo('2022-12-31T00:00:00Z', '2022-02-01T00:00:00Z', 'published')).toBe('ann');
    expect(ceo('2022-12-31T00:00:00Z', '2022-02-01T00:00:00Z', 'recorded')).toBeUndefined(); // nothing was recorded in 2022
    expect(ceo('2022-02-20T00:00:00Z', '2022-03-10T00:00:00Z', 'published')).toBe('ann'); // Bob from 1 March, as first published
    expect(ceo('2022-02-20T00:00:00Z', '2022-04-10T00:00:00Z', 'published')).toBe('bob'); // the correction moved it to 15 Feb
    const snapshot = JSON.parse(s.snapshotText({ at: '2022-12-31T00:00:00Z', knownAt: '2022-02-01T00:00:00Z', knownBy: 'published' }));
    expect(snapshot.provenance).toMatchObject({ knownBy: 'published', knownAt: '2022-02-01T00:00:00.000Z' });
    expect(snapshot.companies[0].roles[0].person.id).toBe('ann');
  });
});
