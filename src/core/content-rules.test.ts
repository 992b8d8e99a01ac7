import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IncumbentError } from './errors';
import { jsonSchemas } from './json-schemas';
import { parseDraft } from './validate';
import { limits } from './vocabulary';

const citation = { document: 'Annual report 2024', quote: 'The board appointed her.' };
const ann = { id: 'ann-lee', name: 'Ann Lee' };
const event = (type: string, data: Record<string, unknown>, envelope: Record<string, unknown> = {}) => ({
  subject: 'acme',
  time: '2024-03-01T09:30:00+01:00',
  timezone: 'Europe/Paris',
  type,
  ...envelope,
  data: { certainty: 'confirmed', citation, ...data },
});

/** The error a draft is refused with, as it crosses a boundary. */
const refusal = (input: unknown) => {
  try {
    parseDraft(input);
  } catch (error) {
    if (error instanceof IncumbentError) return error.toData();
    throw error;
  }
  throw new Error('accepted');
};

const long = (n: number) => 'x'.repeat(n);

/** Names with nothing to show, from every script's marks, plane 14, the fillers and the code points kept unassigned to be ignored (U+2065, U+FFF0-U+FFF8, plane 14's); and names that show. */
const BLANK_NAMES = ['\u{E0041}\u{E0042}', '\u2800', '\u{E0100}', '\u0301', ' \u0308\u20dd ', '\u1ab0\u1dc0\ufe20', '\u05b4\u05bc', '\u064e\u0650', '\u0489', '\u093e\u0940\u094d', '\u0e31\u0e34\u0e47', '\u0f71\u0f72', '\u17b4', '\u180b', '\u200b\u200d', '\u115f\u3164', '\u{1D167}', '\u2065', '\ufff0\ufff8', '\u{E0000}', '\u{E0080}\u{E01F0}'];
const SHOWN_NAMES = ['Ann 😀', '\u{20000}', '🇫🇷 Lee', '𝒜nn', 'Rene\u0301e', 'Z\u0308oe', 'שָׁלוֹם', 'مُحَمَّد', 'Nguyễn', 'नमस्ते', 'สวัสดี', '👨‍👩‍👧', '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'];

describe('content rules', () => {
  it.each([
    ['data.person.name', limits.name, (s: string) => event('board.joined', { person: { ...ann, name: s } })],
    ['data.role', limits.title, (s: string) => event('role.assumed', { person: ann, role: s })],
    ['data.name', limits.name, (s: string) => event('company.registered', { name: s })],
    ['data.summary', limits.summary, (s: string) => event('offer.made', { item: 'bid', from: 'A', to: 'B', summary: s })],
    ['data.citation.quote', limits.quote, (s: string) => event('board.joined', { person: ann, citation: { ...citation, quote: s } })],
    ['data.citation.document', limits.document, (s: string) => event('board.joined', { person: ann, citation: { ...citation, document: s } })],
    ['data.citation.url', limits.url, (s: string) => event('board.joined', { person: ann, citation: { ...citation, url: `https://example.com/${s}`.slice(0, s.length) } })],
    ['data.text', limits.text, (s: string) => event('statement.made', { person: ann, text: s })],
    ['data.demands.0', limits.demand, (s: string) => event('petition.reported', { petition: 'p', title: 'P', demands: [s], signatories: 1 })],
    ['source', limits.source, (s: string) => event('board.joined', { person: ann }, { source: s })],
  ])('%s holds at most its limit, and refuses a 10 MB string', (field, max, make) => {
    expect(() => parseDraft(make(long(max)))).not.toThrow();
    expect(refusal(make(long(max + 1)))).toEqual({ code: 'invalid', field, message: `must be at most ${max} characters` });
    expect(refusal(make(long(10_000_000))).field).toBe(field);
  });

  it('bounds the lists: demands, parties, resolves', () => {
    const petition = (n: number) => event('petition.reported', { petition: 'p', title: 'P', demands: Array(n).fill('d'), signatories: 1 });
    expect(() => parseDraft(petition(limits.demands))).not.toThrow();
    expect(refusal(petition(limits.demands + 1))).toMatchObject({ field: 'data.demands', message: `must list at most ${limits.demands}` });
    const talks = (n: number) => event('negotiation.opened', { item: 'x', parties: Array(n).fill('A'), summary: 'S' });
    expect(() => parseDraft(talks(limits.parties))).not.toThrow();
    expect(refusal(talks(limits.parties + 1))).toMatchObject({ field: 'data.parties', message: `must list at most ${limits.parties}` });
    const deal = event('agreement.reached', { item: 'x', inPrinciple: false, parties: ['A'], summary: 'S', resolves: Array(limits.resolves + 1).fill('y') });
    expect(refusal(deal)).toMatchObject({ field: 'data.resolves' });
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'ftp://example.com/a', 'mailto:a@example.com'])('refuses the citation URL %s: only http(s)', (url) => {
    expect(refusal(event('board.joined', { person: ann, citation: { ...citation, url } }))).toEqual({ code: 'invalid', field: 'data.citation.url', message: 'must be an http(s) URL' });
  });

  it('accepts http and https citation URLs', () => {
    for (const url of ['https://example.com/a?b=c#d', 'http://example.com', 'HTTPS://EXAMPLE.COM/']) expect(() => parseDraft(event('board.joined', { person: ann, citation: { ...citation, url } }))).not.toThrow();
  });

  it.each([
    ['NUL', '\u0000'], ['BEL', '\u0007'], ['ESC', '\u001b[31m'], ['NEL (C1)', '\u0085'], ['a line feed', '\n'], ['a tab', '\t'],
    ['RLO', '\u202e'], ['LRE', '\u202a'], ['LRI', '\u2066'], ['PDI', '\u2069'], ['LRM', '\u200e'], ['RLM', '\u200f'],
  ])('refuses %s inside a name, a title and other one-line text', (_name, bad) => {
    const message = 'must not contain control or bidi-override characters';
    expect(refusal(event('board.joined', { person: { ...ann, name: `Ann${bad}Lee` } }))).toEqual({ code: 'invalid', field: 'data.person.name', message });
    expect(refusal(event('role.assumed', { person: ann, role: `C${bad}EO` }))).toEqual({ code: 'invalid', field: 'data.role', message });
    expect(refusal(event('affiliation.started', { person: ann, organization: `Glo${bad}bex` }))).toMatchObject({ field: 'data.organization', message });
    expect(refusal(event('board.joined', { person: ann, citation: { ...citation, document: `Re${bad}port` } }))).toMatchObject({ field: 'data.citation.document', message });
  });

  it('lets prose keep line breaks and tabs, but not other controls or bidi overrides', () => {
    expect(() => parseDraft(event('statement.made', { person: ann, text: 'First paragraph.\n\n\tSecond.' }))).not.toThrow();
    expect(() => parseDraft(event('board.joined', { person: ann, citation: { ...citation, quote: 'Line one,\r\nline two.' } }))).not.toThrow();
    // Right-to-left marks are ordinary in quoted Hebrew or Arabic prose.
    expect(() => parseDraft(event('statement.made', { person: ann, text: 'שלום\u200f (hello)' }))).not.toThrow();
    expect(refusal(event('statement.made', { person: ann, text: 'Hi\u0000' }))).toMatchObject({ field: 'data.text', message: 'must not contain control or bidi-override characters' });
    expect(refusal(event('board.joined', { person: ann, citation: { ...citation, quote: 'a\u202eb' } }))).toMatchObject({ field: 'data.citation.quote' });
  });

  it.each([
    ['a zero-width space', '\u200b'], ['zero-width joiners', '\u200b\u200c\u200d'], ['a byte-order mark', '\ufeff'],
    ['no-break and ideographic spaces', ' \u00a0\u3000 '], ['a word joiner', '\u2060'], ['a soft hyphen', '\u00ad'],
  ])('refuses %s: only whitespace or invisible characters', (_name, blank) => {
    const field = (error: { field?: string; message: string }) => `${error.field}: ${error.message}`;
    expect(field(refusal(event('board.joined', { person: { ...ann, name: blank } })))).toMatch(/^data\.person\.name: must (not be empty|not be only whitespace or invisible characters)$/);
    expect(field(refusal(event('role.assumed', { person: ann, role: blank })))).toMatch(/^data\.role: must (not be empty|not be only whitespace or invisible characters)$/);
    expect(field(refusal(event('statement.made', { person: ann, text: blank })))).toMatch(/^data\.text: must (not be empty|not be only whitespace or invisible characters)$/);
  });

  it('refuses unknown keys in nested objects as it does at the top level', () => {
    expect(refusal(event('board.joined', { person: { ...ann, age: 40 } }))).toEqual({ code: 'invalid', field: 'data.person', message: 'unknown field(s) age' });
    expect(refusal(event('board.joined', { person: ann, citation: { ...citation, page: 3 } }))).toEqual({ code: 'invalid', field: 'data.citation', message: 'unknown field(s) page' });
  });

  it('refuses a title that says interim or acting without the flag, which is what the state shows', () => {
    expect(refusal(event('role.assumed', { person: ann, role: 'Interim CEO' }))).toEqual({ code: 'invalid', field: 'data.interim', message: 'the title "Interim CEO" says interim: set interim to true (the seat is CEO)' });
    expect(refusal(event('role.assumed', { person: ann, role: 'acting chief executive', interim: true }))).toEqual({ code: 'invalid', field: 'data.acting', message: 'the title "acting chief executive" says acting: set acting to true (the seat is CEO)' });
    expect(refusal(event('role.assumed', { person: ann, role: 'Interim Head of Research', interim: false })).field).toBe('data.interim');
    expect(parseDraft(event('role.assumed', { person: ann, role: 'Interim CEO', interim: true })).data).toMatchObject({ role: 'Interim CEO', interim: true });
    expect(parseDraft(event('role.assumed', { person: ann, role: 'CEO', acting: true })).data).toMatchObject({ role: 'CEO', acting: true });
    // Not a qualifier: a title that merely contains the word.
    expect(() => parseDraft(event('role.assumed', { person: ann, role: 'Head of Interim Reporting' }))).not.toThrow();
  });

  it('refuses names that are only tags, blank braille, variation selectors or combining marks, half a surrogate pair, or a line separator', () => {
    const field = (input: unknown) => { const e = refusal(input); return `${e.field}: ${e.message}`; };
    for (const blank of BLANK_NAMES) expect(field(event('board.joined', { person: { ...ann, name: blank } }))).toBe('data.person.name: must not be only whitespace or invisible characters');
    for (const lone of ['\ud800', 'Ann\udc00', 'A\udbffB']) expect(field(event('board.joined', { person: { ...ann, name: lone } }))).toBe('data.person.name: must be well-formed Unicode (it has half of a surrogate pair)');
    expect(field(event('board.joined', { person: { ...ann, name: 'Ann\u2028Lee' } }))).toBe('data.person.name: must not contain control or bidi-override characters');
    // Characters beyond the basic plane are kept: an emoji, a CJK extension ideograph, a flag.
    for (const name of SHOWN_NAMES) expect(() => parseDraft(event('board.joined', { person: { ...ann, name } }))).not.toThrow();
  });

  it('publishes the same rule in its JSON Schema, as a validator in Unicode mode reads it', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(jsonSchemas()['event.schema.json'] as object);
    const record = readFileSync(new URL('../../data/openai-2023-11.jsonl', import.meta.url), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line)).find((r) => r.type === 'role.assumed');
    const named = (name: string) => validate({ ...record, data: { ...record.data, person: { ...record.data.person, name } } });
    expect(named(record.data.person.name), ajv.errorsText(validate.errors)).toBe(true);
    for (const blank of BLANK_NAMES) expect(named(blank), JSON.stringify(blank)).toBe(false);
    for (const name of SHOWN_NAMES) expect(named(name), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  });
});
