import { expect, it } from 'vitest';
import { created, rec, resetSeq } from './fixtures.test-support';
import { Ledger } from './ledger';

it('company names come from the latest registration in force, corrections and retractions included, without replay', () => {
  resetSeq();
  const ledger = new Ledger();
  ledger.add(created());
  ledger.add(rec('company.registered', '2020-01-01T00:00:00Z', { name: 'Acme' }, { id: 'r1' }));
  ledger.add(rec('company.registered', '2021-01-01T00:00:00Z', { name: 'Acme Corp' }, { id: 'r2' }));
  ledger.add(rec('company.registered', '2019-01-01T00:00:00Z', { name: 'Old Acme' }, { id: 'r0' })); // back-dated: not the latest in time
  expect(ledger.companyNames()).toEqual([{ id: 'acme', name: 'Acme Corp' }]);
  ledger.add(rec('event.corrected', '2022-01-01T00:00:00Z', { target: 'r2', reason: 'typo', citation: { document: 'd', quote: 'q' }, data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, name: 'ACME Corporation' } }));
  expect(ledger.companyNames()[0]!.name).toBe('ACME Corporation');
  ledger.add(rec('event.retracted', '2022-02-01T00:00:00Z', { target: ledger.record(ledger.head)!.id, reason: 'wrong', citation: { document: 'd', quote: 'q' } }));
  expect(ledger.companyNames()[0]!.name).toBe('Acme');
  expect(ledger.companyNames()[0]!.name).toBe(ledger.stateAt('acme', '9999-12-31T23:59:59Z')!.name);
});

it('a correction whose time cannot be read is refused before it changes anything: the original stays in force and can still be corrected', () => {
  resetSeq();
  const ledger = new Ledger();
  ledger.add(created());
  ledger.add(rec('company.registered', '2020-01-01T00:00:00Z', { name: 'Acme' }, { id: 'r1' }));
  const citation = { document: 'd', quote: 'q' };
  const unreadable = rec('event.corrected', '2022-01-01T00:00:00Z', { target: 'r1', reason: 'typo', citation, time: 'the day after', data: { certainty: 'confirmed', citation, name: 'Acme Corp' } });
  expect(() => ledger.add(unreadable)).toThrow(/not a date-time/);
  expect(ledger.head).toBe(2);
  expect(ledger.revisionOf('r1')).toBeUndefined();
  expect(ledger.stateAt('acme', '2021-01-01T00:00:00Z')!.name).toBe('Acme');
  ledger.add({ ...rec('event.corrected', '2022-01-01T00:00:00Z', { target: 'r1', reason: 'typo', citation, data: { certainty: 'confirmed', citation, name: 'Acme Corp' } }), seq: 3 });
  expect(ledger.revisionOf('r1')).toBe(ledger.record(3)!.id);
  expect(ledger.stateAt('acme', '2021-01-01T00:00:00Z')!.name).toBe('Acme Corp');
});
