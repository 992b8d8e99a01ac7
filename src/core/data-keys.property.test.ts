/**
 * Keys that come from data (role titles, organisation names, person, petition and item ids) are
 * only data: whatever a valid event names, replay, snapshots and diffs work and report it. Checked
 * against a model built on Maps, which have no prototype to collide with.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStates, describeChange } from './diff';
import type { EventDraft, EventRecord } from './event';
import { jsonSchemas } from './json-schemas';
import { Ledger } from './ledger';
import { buildSnapshot, snapshotJson, type Snapshot } from './snapshot';
import { parseDraft, parseRecord } from './validate';
import { PersonRef } from './vocabulary';

const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validateSnapshot = ajv.compile(jsonSchemas()['snapshot.schema.json'] as object);

/** Names of Object.prototype members, as free text and as slugs (lower-case, starting with a letter or digit). */
const protoWords = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupSetter__', 'prototype'];
const protoSlugs = ['constructor', 'hasownproperty', 'valueof', 'tostring', 'p--proto--', 'proto--', 'proto', 'prototype', 'isprototypeof', '0', '10'];

/** Any text a name or title may hold: Object.prototype names, ASCII, and any Unicode the rules allow. */
const text = fc
  .oneof(fc.constantFrom(...protoWords), fc.string({ minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }))
  .filter((s) => PersonRef.shape.name.safeParse(s).success);
const slug = fc.oneof(fc.constantFrom(...protoSlugs), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/));

const T0 = Date.UTC(2024, 0, 1);
const minute = (m: number) => new Date(T0 + m * 60_000).toISOString();
const hash = (seq: number) => seq.toString(16).padStart(64, '0');
const citation = { document: 'test', quote: 'A quoted sentence.' };

const scenario = fc.record({
  company: slug,
  titles: fc.uniqueArray(text, { minLength: 1, maxLength: 4 }),
  names: fc.array(text, { minLength: 1, maxLength: 3 }),
  ids: fc.uniqueArray(slug, { minLength: 1, maxLength: 4 }),
  steps: fc.array(fc.record({ kind: fc.nat(10), a: fc.nat(), b: fc.nat(), n: fc.nat(1000) }), { minLength: 1, maxLength: 40 }),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/** Raw event inputs, as a caller would submit them. */
function inputsOf({ company, titles, names, ids, steps }: Scenario): Record<string, unknown>[] {
  return steps.map(({ kind, a, b, n }, i) => {
    const person = { id: ids[a % ids.length]!, name: names[n % names.length]! };
    const title = titles[b % titles.length]!;
    const key = ids[b % ids.length]!;
    const data = [
      { person, role: title },
      { person, role: title, cause: 'resigned' },
      { person },
      { person, cause: 'removed' },
      { person, organization: title, role: titles[n % titles.length] },
      { person, organization: title, cause: 'term-ended' },
      { petition: key, title, demands: [title], signatories: n },
      { item: key, from: title, to: person.name, summary: title },
      { item: key, parties: [title, person.name], summary: title },
      { item: key, outcome: 'accepted' },
      { name: title },
    ][kind]!;
    const type = ['role.assumed', 'role.vacated', 'board.joined', 'board.left', 'affiliation.started', 'affiliation.ended', 'petition.reported', 'offer.made', 'negotiation.opened', 'pending.resolved', 'company.registered'][kind]!;
    return { id: `e${i}`, source: 'urn:test', type, subject: company, time: minute(i + 1), data: { certainty: 'confirmed', citation, ...data } };
  });
}

/** What the log should say, kept in Maps by an implementation independent of `evolve`. */
function model(drafts: EventDraft[]) {
  const m = { name: '', roles: new Map<string, string>(), board: new Set<string>(), ties: new Set<string>(), petitions: new Map<string, number>(), pending: new Set<string>(), closed: new Set<string>() };
  const tie = (person: string, organization: string) => JSON.stringify([person, organization]);
  for (const d of drafts) {
    if (d.type === 'company.registered') m.name = d.data.name;
    else if (d.type === 'role.assumed') m.roles.set(d.data.role, d.data.person.id);
    else if (d.type === 'role.vacated' && m.roles.get(d.data.role) === d.data.person.id) m.roles.delete(d.data.role);
    else if (d.type === 'board.joined') m.board.add(d.data.person.id);
    else if (d.type === 'board.left') m.board.delete(d.data.person.id);
    else if (d.type === 'affiliation.started') m.ties.add(tie(d.data.person.id, d.data.organization));
    else if (d.type === 'affiliation.ended') m.ties.delete(tie(d.data.person.id, d.data.organization));
    else if (d.type === 'petition.reported') m.petitions.set(d.data.petition, d.data.signatories);
    else if (d.type === 'offer.made' || d.type === 'negotiation.opened') {
      m.closed.delete(d.data.item);
      m.pending.add(d.data.item);
    } else if (d.type === 'pending.resolved' && m.pending.delete(d.data.item)) m.closed.add(d.data.item);
  }
  return { ...m, tie };
}

const sorted = <T>(items: Iterable<T>) => [...items].sort();
/** Pairs in the order snapshots list them: by key, compared as strings. */
const byKey = <V>(pairs: Iterable<[string, V]>) => [...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function check(s: Scenario): void {
  const drafts = inputsOf(s).map((input, i) => parseDraft(input, `events.${i}`));
  const ledger = new Ledger();
  const created = { specversion: '1.0', id: 'log', source: 'urn:test', type: 'log.created', time: minute(0), data: { title: 'Test log' } };
  [created, ...drafts].forEach((draft, i) => {
    // The record as the log would seal it, read back as `verify` reads a line.
    const line = JSON.parse(JSON.stringify({ ...draft, seq: i + 1, prevhash: hash(i), recordedtime: minute(i) }));
    ledger.add(parseRecord(line, `line ${i + 1}`) as EventRecord);
  });
  const end = minute(s.steps.length + 1);
  const snapshot = JSON.parse(snapshotJson(buildSnapshot(ledger, { at: end }, hash, '1.0.0'))) as Snapshot;
  expect(validateSnapshot(snapshot), ajv.errorsText(validateSnapshot.errors)).toBe(true);

  const want = model(drafts);
  const [company] = snapshot.companies;
  expect(company!.id).toBe(s.company);
  expect(company!.name).toBe(want.name || s.company);
  expect(company!.roles.map((h) => [h.role, h.person.id])).toEqual(byKey(want.roles));
  expect(sorted(company!.board.members.map((x) => x.person.id))).toEqual(sorted(want.board));
  expect(sorted(company!.affiliations.map((x) => want.tie(x.person.id, x.organization)))).toEqual(sorted(want.ties));
  expect(company!.petitions.map((p) => [p.id, p.signatories])).toEqual(byKey(want.petitions));
  expect(company!.pending.map((p) => p.id)).toEqual(sorted(want.pending));
  expect(company!.resolved.map((p) => p.id)).toEqual(sorted(want.closed));

  // From the empty state to the end, the diff reports every seat, tie and open item now held.
  const changes = diffStates(ledger.stateAt(s.company, minute(0))!, ledger.stateAt(s.company, end)!);
  const of = (kind: string) => changes.filter((c) => c.kind === kind);
  expect(sorted(of('role-taken').map((c) => (c.kind === 'role-taken' ? c.role : '')))).toEqual(sorted(want.roles.keys()));
  expect(sorted(of('board-joined').map((c) => (c.kind === 'board-joined' ? c.person.id : '')))).toEqual(sorted(want.board));
  expect(sorted(of('affiliation-started').map((c) => (c.kind === 'affiliation-started' ? want.tie(c.person.id, c.organization) : '')))).toEqual(sorted(want.ties));
  expect(sorted(of('pending-opened').map((c) => (c.kind === 'pending-opened' ? c.item : '')))).toEqual(sorted(want.pending));
  // Every step's own diff works too.
  for (let i = 1; i <= s.steps.length; i++) diffStates(ledger.stateAt(s.company, minute(i))!, ledger.stateAt(s.company, minute(i + 1))!).forEach(describeChange);
}

describe('keys that come from data', () => {
  it('a role titled like an Object.prototype member replays, snapshots and diffs (audit finding)', () => {
    for (const role of ['toString', 'constructor', '__proto__']) {
      check({ company: 'acme', titles: [role], names: ['Ann Example'], ids: ['ann'], steps: [{ kind: 0, a: 0, b: 0, n: 0 }] });
    }
  });

  it('ids named like Object.prototype members are ordinary ids', () => {
    // Resolving an item nobody opened, then a director, a petition and an offer all named `constructor`.
    check({ company: 'constructor', titles: ['CEO'], names: ['Ann'], ids: ['constructor'], steps: [9, 2, 6, 7, 0].map((kind) => ({ kind, a: 0, b: 0, n: 1 })) });
  });

  it('arbitrary titles, names, organisations and ids: replay, snapshot and diff report what was appended', () => {
    fc.assert(fc.property(scenario, check), { numRuns: 150 });
  });
});
