import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { created, person, rec, resetSeq } from './fixtures.test-support';
import { jsonSchemas } from './json-schemas';
import { Ledger } from './ledger';
import { buildSnapshot, snapshotJson } from './snapshot';

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateSnapshot = ajv.compile(jsonSchemas()['snapshot.schema.json'] as object);
const hash = (seq: number) => seq.toString(16).padStart(64, '0');

const minute = (m: number) => new Date(Date.UTC(2024, 0, 1) + m * 60_000).toISOString();
const anyFact = fc.record({ m: fc.nat(1000), who: fc.constantFrom('ann', 'bob', 'cat'), kind: fc.nat(9), company: fc.constantFrom('acme', 'globex') }).map(({ m, who, kind, company }) => {
  const o = { subject: company };
  const t = minute(m);
  return [
    () => rec('role.assumed', t, { person: person(who), role: 'CEO', interim: true, acting: false }, o),
    () => rec('role.vacated', t, { person: person(who), role: 'CEO', cause: 'resigned', replacedBy: 'ann' }, o),
    () => rec('board.joined', t, { person: person(who), independent: true }, o),
    () => rec('board.chair.assumed', t, { person: person(who), interim: false }, o),
    () => rec('affiliation.started', t, { person: person(who), organization: 'Initech', role: 'Advisor' }, o),
    () => rec('workforce.reported', t, { headcount: m + 1 }, o),
    () => rec('petition.reported', t, { petition: 'p', title: 'P', demands: ['d'], signatories: m }, o),
    () => rec('offer.made', t, { item: 'x', from: 'a', to: 'b', summary: 's' }, o),
    () => rec('agreement.reached', t, { item: 'x', inPrinciple: m % 2 === 0, parties: ['a'], summary: 's', resolves: [] }, o),
    () => rec('company.registered', t, { name: `${company} Inc` }, o),
  ][kind]!;
});

describe('snapshots', () => {
  it('every snapshot of a random log validates against schemas/snapshot.schema.json', () => {
    fc.assert(
      fc.property(fc.array(anyFact, { maxLength: 120 }), fc.nat(1100), (facts, at) => {
        resetSeq();
        const ledger = new Ledger();
        [created(), ...facts.map((make) => make())].forEach((r) => ledger.add(r));
        const snapshot = JSON.parse(snapshotJson(buildSnapshot(ledger, { at: minute(at) }, hash, '1.0.0')));
        expect(validateSnapshot(snapshot), ajv.errorsText(validateSnapshot.errors)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('the same inputs give byte-identical output, whatever order the keys were built in', () => {
    const build = () => {
      resetSeq();
      const ledger = new Ledger();
      [created(), rec('board.joined', minute(1), { person: person('bob') }), rec('board.joined', minute(2), { person: person('ann') })].forEach((r) => ledger.add(r));
      return snapshotJson(buildSnapshot(ledger, { at: '2024-01-01T01:05:00+01:00', company: 'acme' }, hash, '1.0.0'));
    };
    const text = build();
    expect(build()).toBe(text);
    const doc = JSON.parse(text);
    expect(doc.provenance).toEqual({ at: '2024-01-01T00:05:00.000Z', knownAt: null, knownBy: 'recorded', company: 'acme', log: { id: 'log', title: 'Test log' }, head: { seq: 3, hash: hash(3) }, appVersion: '1.0.0' });
    expect(doc.companies[0].board.members.map((m: { person: { id: string } }) => m.person.id)).toEqual(['ann', 'bob']);
  });

  it('the committed schemas are the ones the code generates (run `npm run schemas` after a change)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(readFileSync(new URL(`../../schemas/${name}`, import.meta.url), 'utf8')), name).toEqual(schema);
    }
  });
});
