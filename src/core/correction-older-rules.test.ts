/**
 * A correction stored before a content rule existed still applies when the log is replayed, as a
 * stored record does: a url with a bidi override, refused since the twelfth session, once dropped
 * the whole correction from replay, and the state of an existing log changed without a word.
 */
import { describe, expect, it } from 'vitest';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';
import { holderOf } from './state';
import { checkStoredRecord } from './validate';

const T = (day: number) => `2024-02-${String(day).padStart(2, '0')}T12:00:00Z`;
const cited = (url: string) => ({ certainty: 'confirmed', citation: { document: 'test', quote: 'A quoted sentence.', url } });

function corrected(data: Record<string, unknown>): Ledger {
  resetSeq();
  const ledger = new Ledger();
  [
    created(),
    rec('role.assumed', T(1), { person: person('ann'), role: 'CEO', interim: false, acting: false }, { id: 'ceo' }),
    rec('event.corrected', T(2), { target: 'ceo', reason: 'it was Bob', citation: { document: 'test', quote: 'Bob.' }, data }, { id: 'fix' }),
  ].forEach((r) => ledger.add(r));
  return ledger;
}

describe('a correction written under older content rules', () => {
  const bob = { person: person('bob'), role: 'CEO', interim: false, acting: false };

  it('applies, as a stored record breaking only those rules is replayed as written', () => {
    const ledger = corrected({ ...bob, ...cited('https://evil.example/\u202emoc.elgoog') });
    expect(holderOf(ledger.stateAt('acme', T(3))!, 'CEO')?.person.id).toBe('bob');
    // The same data in a record of its own is kept, with a warning, not refused as damage.
    const record = rec('role.assumed', T(1), { ...bob, ...cited('https://evil.example/\u202emoc.elgoog') });
    expect(checkStoredRecord(record)).toMatch(/url/);
  });

  it('is still dropped when its data is of the wrong shape for its target', () => {
    const ledger = corrected({ ...bob, role: 42, ...cited('https://example.com/') });
    expect(holderOf(ledger.stateAt('acme', T(3))!, 'CEO')?.person.id).toBe('ann');
  });
});
