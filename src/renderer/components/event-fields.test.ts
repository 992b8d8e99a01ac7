import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../core/validate';
import { domainTypes } from '../../core/vocabulary';
import { fieldOfError, fieldsOf, payloadOf, problemsOf, slugify, typeLabel, valuesOf } from './event-fields';

describe('the add-event form', () => {
  it('asks for every required field of every event type', () => {
    for (const type of domainTypes) expect(fieldsOf[type].length, type).toBeGreaterThan(0);
  });

  it('names every kind of event in plain words, never by its type id', () => {
    const labels = domainTypes.map(typeLabel);
    for (const [i, label] of labels.entries()) expect(label, domainTypes[i]).toMatch(/^[A-Z][^.]*[a-z…)]$/);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('turns answers into a payload the engine accepts, deriving the person id from the name', () => {
    const data = payloadOf('role.assumed', { 'person.name': 'Ann Lee', role: 'CFO', interim: true, acting: false, replaces: '' });
    expect(data).toEqual({ person: { id: 'ann-lee', name: 'Ann Lee' }, role: 'CFO', interim: true, acting: false });
    const draft = parseDraft({ type: 'role.assumed', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, ...data } });
    expect(draft.type).toBe('role.assumed');
    expect(payloadOf('negotiation.opened', { item: 'talks', parties: 'Acme\n Globex \n', summary: 'Merger' })).toEqual({ item: 'talks', parties: ['Acme', 'Globex'], summary: 'Merger' });
    expect(payloadOf('workforce.reported', { headcount: '770' })).toEqual({ headcount: 770 });
  });

  it('prefills a correction with the event it corrects', () => {
    const record = { type: 'petition.reported', data: { certainty: 'reported', citation: { document: 'd', quote: 'q' }, petition: 'letter', title: 'Letter', demands: ['a', 'b'], signatories: 500 } };
    expect(valuesOf(record as never)).toMatchObject({ petition: 'letter', demands: 'a\nb', signatories: '500', certainty: 'reported', document: 'd', quote: 'q' });
  });

  it('maps an error path to the form field it belongs to', () => {
    expect(fieldOfError('data.person.name')).toBe('person.name');
    expect(fieldOfError('events.0.data.citation.quote')).toBe('quote');
    expect(fieldOfError('data.data.headcount')).toBe('headcount');
    expect(fieldOfError('time')).toBe('time');
    expect(fieldOfError(undefined)).toBe('');
    expect(slugify('Adam D’Angelo')).toBe('adam-d-angelo');
  });

  it('asks for a choice left unmade in plain words, not as a list of quoted values that ran out of the dialog', () => {
    const data = payloadOf('role.vacated', { 'person.name': 'Li Wei', role: 'CEO', cause: '' });
    const draft = { type: 'role.vacated', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, ...data } };
    expect(problemsOf(draft, 'role.vacated')).toEqual([{ field: 'cause', message: 'choose one: fired, resigned, replaced, removed, term-ended, declined, died, promoted, other' }]);
  });
});
