import { describe, expect, it } from 'vitest';
import type { IncumbentError } from './errors';
import { TimeZone } from './event';
import { domainTypes } from './vocabulary';
import { parseDraft } from './validate';

const citation = { document: 'Annual report 2024', quote: 'The board appointed her.' };
const base = { subject: 'acme', time: '2024-03-01T09:30:00+01:00', timezone: 'Europe/Paris' };
const ann = { id: 'ann-lee', name: 'Ann Lee' };

/** One valid payload per domain type: the vocabulary fits any company, not only OpenAI. */
const valid: Record<(typeof domainTypes)[number], Record<string, unknown>> = {
  'company.registered': { name: 'Acme SA' },
  'role.assumed': { person: ann, role: 'Chief Financial Officer', acting: true },
  'role.vacated': { person: ann, role: 'CFO', cause: 'term-ended' },
  'board.joined': { person: ann, independent: true },
  'board.left': { person: ann, cause: 'resigned' },
  'board.chair.assumed': { person: ann },
  'board.chair.vacated': { person: ann, cause: 'replaced' },
  'affiliation.started': { person: ann, organization: 'Globex', role: 'Advisor' },
  'affiliation.ended': { person: ann, organization: 'Globex', cause: 'resigned' },
  'workforce.reported': { headcount: 1200 },
  'petition.reported': { petition: 'union-letter', title: 'Union letter', signatories: 300 },
  'offer.made': { item: 'bid', from: 'Globex', to: 'Acme board', summary: 'Takeover bid' },
  'negotiation.opened': { item: 'talks', parties: ['Acme', 'Globex'], summary: 'Merger talks' },
  'agreement.reached': { item: 'deal', inPrinciple: true, parties: ['Acme', 'Globex'], summary: 'Merger agreed in principle' },
  'pending.resolved': { item: 'bid', outcome: 'withdrawn' },
  'statement.made': { person: ann, text: 'We are committed.', medium: 'Press release' },
  'board.reconstituted': { members: [ann], chair: ann, cause: 'removed' },
  'control.changed': { controller: 'Globex', kind: 'acquired', summary: 'Globex completed its acquisition' },
  'dispute.opened': { item: 'exit', parties: ['Globex', 'Acme'], summary: 'Globex tries to walk away from the merger' },
};

describe('parseDraft', () => {
  it.each(domainTypes)('accepts a valid %s and applies its defaults', (type) => {
    const draft = parseDraft({ ...base, type, data: { certainty: 'reported', citation, ...valid[type] } });
    expect(draft).toMatchObject({ type, specversion: '1.0', timeprecision: 'minute', datacontenttype: 'application/json' });
  });

  it.each(domainTypes)('refuses %s without its citation, naming the field', (type) => {
    expect(() => parseDraft({ ...base, type, data: { certainty: 'reported', ...valid[type] } })).toThrow(/^data\.citation: /);
  });

  it.each([
    [{ ...base, type: 'role.fired', data: {} }, /^type: /],
    [{ ...base, type: 'role.assumed', time: '2024-03-01', data: {} }, /^time: must be an RFC 3339 date-time with an offset/],
    [{ ...base, type: 'role.assumed', timezone: 'Europe/Atlantis', data: {} }, /^timezone: must be an IANA time zone/],
    [{ ...base, type: 'role.assumed', timeprecision: 'week', data: {} }, /^timeprecision: /],
    [{ ...base, subject: undefined, type: 'board.joined', data: { certainty: 'confirmed', citation, person: ann } }, /^subject: must name the company/],
    [{ ...base, type: 'board.joined', data: { certainty: 'certain', citation, person: ann } }, /^data\.certainty: /],
    [{ ...base, type: 'board.joined', data: { certainty: 'confirmed', citation, person: { id: 'Ann Lee', name: 'Ann' } } }, /^data\.person\.id: must be lower-case/],
    [{ ...base, type: 'board.joined', data: { certainty: 'confirmed', citation: { document: 'd', quote: '' }, person: ann } }, /^data\.citation\.quote: must quote/],
    [{ ...base, type: 'board.joined', data: { certainty: 'confirmed', citation, person: ann, chair: true } }, /^data: unknown field\(s\) chair/],
    [{ ...base, type: 'workforce.reported', data: { certainty: 'confirmed', citation, headcount: 1.5 } }, /^data\.headcount: /],
    [[1, 2], /must be a JSON object/],
  ])('refuses %j with an error that names the field', (input, message) => {
    expect(() => parseDraft(input)).toThrow(message);
  });

  // From JSON text, as every entry point reads it: there `__proto__` is an own key, and it is refused wherever it sits (deeper in `data.data`, by the corrected type's schema: revision.ts).
  const withProto = (path: string[]) => {
    const data = { certainty: 'confirmed', citation, person: ann };
    const correction = { ...base, type: 'event.corrected', data: { target: 'evt-1', reason: 'the date was wrong', citation, data } };
    const where = path.reduce<Record<string, unknown>>((object, key) => object[key] as Record<string, unknown>, correction);
    return JSON.parse(JSON.stringify(correction).replace(JSON.stringify(where).slice(0, -1), `${JSON.stringify(where).slice(0, -1)},"__proto__":{"x":1}`));
  };
  it.each([
    [[], /^unknown field\(s\) __proto__/],
    [['data'], /^data: unknown field\(s\) __proto__/],
    [['data', 'data'], /^data\.data: unknown field\(s\) __proto__/],
  ])('refuses a key __proto__ in a correction at %j, naming where', (path, message) => {
    const input = withProto(path);
    expect(() => parseDraft(input)).toThrow(message);
  });

  it('names an unknown or missing event type and lists the known ones, with field `type`', () => {
    const refusal = (input: unknown) => {
      try {
        parseDraft(input);
      } catch (error) {
        return (error as IncumbentError).toData();
      }
      throw new Error('accepted');
    };
    const unknown = refusal({ ...base, type: 'role.fired', data: {} });
    expect(unknown.field).toBe('type');
    expect(unknown.message).toMatch(/^unknown event type "role\.fired"; known types: .*role\.assumed, role\.vacated/);
    expect(refusal({ ...base, data: {} })).toMatchObject({ field: 'type', message: expect.stringMatching(/^must name the event type; known types: /) });
    // Not a string: named, never quoted back (nested deep, JSON.stringify overflowed the stack: an HTTP 500).
    let deep: unknown = 'x';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(refusal({ ...base, type: deep, data: {} })).toMatchObject({ field: 'type', message: expect.stringMatching(/^must be a string naming the event type, not an array; known types: /) });
    expect(refusal({ ...base, type: 'y'.repeat(1_000_000), data: {} }).message).toMatch(/^unknown event type "y{64}…"; known types: /);
  });

  it('refuses an id a reader would not see as it is stored, and looks up no zone that is too long to be one', () => {
    const draft = { ...base, type: 'company.registered', data: { certainty: 'reported', citation, ...valid['company.registered'] } };
    expect(() => parseDraft({ ...draft, id: '\u202eevil\u0000' })).toThrow(expect.objectContaining({ field: 'id' }));
    expect(() => parseDraft({ ...draft, id: '\u202eevil' })).toThrow(/must not contain control or bidi-override characters/);
    expect(parseDraft({ ...draft, id: 'acme-registered' }).id).toBe('acme-registered');
    // Before a zone kept standard time its offset had seconds, which RFC 3339 cannot write: it is taken to the minute.
    const lmt = { ...draft, timezone: 'America/New_York', time: '1850-01-01T00:00:00-04:56' };
    expect(parseDraft(lmt).time).toBe('1850-01-01T00:00:00-04:56');
    expect(() => parseDraft({ ...lmt, time: '1850-01-01T00:00:00-05:00' })).toThrow(/write the local time with -04:56,/);
    // No zone given, a time not in UTC: the missing zone is named, not the time's offset against a UTC the author never wrote.
    const { timezone: _zone, ...zoneless } = { ...draft, time: '2024-07-10T09:00:00-07:00' };
    expect(() => parseDraft(zoneless)).toThrow(/^timezone: is not given, so UTC is taken, but time 2024-07-10T09:00:00-07:00 is not in UTC: add the company's IANA time zone/);
    expect(parseDraft({ ...zoneless, time: '2024-07-10T16:00:00Z' }).timezone).toBe('UTC');
    // Only the length is reported: the zone check is not run on a string longer than any zone.
    const issues = TimeZone.safeParse('Europe/'.repeat(100_000)).error?.issues ?? [];
    expect(issues.map((issue) => issue.code)).toEqual(['too_big']);
  });

  it('prefixes the field with the position in a batch', () => {
    expect(() => parseDraft({ ...base, type: 'board.joined', data: {} }, 'events.3')).toThrow(/^events\.3\.data\.citation: /);
  });

  it('drops the fields the log assigns instead of trusting them', () => {
    const draft = parseDraft({ ...base, type: 'board.joined', seq: 99, prevhash: 'x', recordedtime: 'y', data: { certainty: 'confirmed', citation, person: ann } });
    expect(draft).not.toHaveProperty('seq');
    expect(draft).not.toHaveProperty('prevhash');
  });
});
