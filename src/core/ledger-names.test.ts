import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { EventRecord } from './event';
import { created, person, rec, resetSeq } from './fixtures.test-support';
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
  ledger.add(rec('event.retracted', '2022-02-01T00:00:00Z', { target: ledger.records.at(-1)!.id, reason: 'wrong', citation: { document: 'd', quote: 'q' } }));
  expect(ledger.companyNames()[0]!.name).toBe('Acme');
  expect(ledger.companyNames()[0]!.name).toBe(ledger.stateAt('acme', '9999-12-31T23:59:59Z')!.name);
});

it('company names equal the name full replay gives at the end of time, for random renamings, back-dating and revisions (property)', () => {
  const step = fc.record({ kind: fc.constantFrom('register', 'register', 'register', 'fact', 'correct', 'retract'), minute: fc.integer({ min: 0, max: 100 }), pick: fc.nat(), company: fc.constantFrom('acme', 'globex', 'initech') });
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), fc.boolean(), (steps, follow) => {
      resetSeq();
      const ledger = new Ledger();
      ledger.add(follow ? rec('log.created', '2024-01-01T00:00:00Z', { title: 'T', company: { id: 'acme', name: 'Acme Followed' } }, { id: 'log' }) : created());
      const live: EventRecord[] = [];
      const at = (minute: number) => new Date(Date.UTC(2024, 0, 1) + minute * 60_000).toISOString();
      for (const s of steps) {
        if (s.kind === 'register' || s.kind === 'fact' || live.length === 0) {
          const r = s.kind === 'fact' ? rec('board.joined', at(s.minute), { person: person('ann') }, { subject: s.company }) : rec('company.registered', at(s.minute), { name: `${s.company} ${s.pick % 7}` }, { subject: s.company });
          ledger.add(r);
          live.push(r);
          continue;
        }
        const target = live.splice(s.pick % live.length, 1)[0]!;
        const revision =
          s.kind === 'retract'
            ? rec('event.retracted', target.time, { target: target.id, reason: 'wrong', citation: { document: 'd', quote: 'q' } }, { subject: target.subject! })
            : rec('event.corrected', target.time, { target: target.id, reason: 'fix', citation: { document: 'd', quote: 'q' }, time: at(s.minute), data: target.type === 'company.registered' ? { ...target.data, name: `renamed ${s.pick % 5}` } : target.data }, { subject: target.subject! });
        ledger.add(revision);
        if (s.kind === 'correct') live.push({ ...target, id: revision.id, seq: revision.seq });
      }
      for (const { id, name } of ledger.companyNames()) expect(name).toBe(ledger.timeline(id)!.replayFromStart(Infinity, ledger.head).name);
    }),
    { numRuns: 300 },
  );
});

it('checkpoints are built per company on its first question: names and another company\'s state build none', () => {
  resetSeq();
  const ledger = new Ledger();
  ledger.add(created());
  for (let i = 0; i < 2000; i++) {
    const subject = i % 2 ? 'acme' : 'globex';
    ledger.add(rec(i % 4 < 2 ? 'board.joined' : 'board.left', new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), i % 4 < 2 ? { person: person(`p${i % 9}`) } : { person: person(`p${i % 9}`), cause: 'resigned' }, { subject }));
  }
  ledger.companyNames();
  expect(ledger.timeline('acme')!.checkpointsBuilt).toBe(1);
  expect(ledger.timeline('globex')!.checkpointsBuilt).toBe(1);
  ledger.stateAt('acme', '2030-01-01T00:00:00Z');
  expect(ledger.timeline('acme')!.checkpointsBuilt).toBeGreaterThan(1);
  expect(ledger.timeline('globex')!.checkpointsBuilt).toBe(1);
});
