/**
 * The diagram's labels stay within their seat or box: a long name (one word of 200 letters, a
 * legal maximum) or a long title ran across the whole picture and over the other directors' names.
 * The full text stays in each seat's <title> and in the picture's label.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StateView } from '../state-view';
import { OrgDiagram } from './OrgDiagram';

const long = 'Ę'.repeat(200);
const since = { time: '2024-03-01T00:00:00+01:00', precision: 'day', timezone: 'Europe/Berlin' };
const person = (id: string, name: string) => ({ id, name });
const seat = (id: string, name: string) => ({ person: person(id, name), since, eventId: id, certainty: 'confirmed' });
const view = {
  id: 'zephyr',
  name: 'Zephyr',
  roles: [{ person: person('long', long), role: 'Head of Research and Development Strategy', seat: 'x', interim: false, acting: false, since, eventId: 'r', certainty: 'confirmed' }],
  former: { items: [], total: 0 },
  board: { items: [seat('a', 'Anna Schmidt'), seat('long', long)], total: 2 },
  chair: null,
  formerBoard: { items: [], total: 0 },
  formerChair: null,
  control: null,
  affiliations: { items: [], total: 0 },
  pending: { items: [], total: 0 },
  workforce: null,
  petitions: [],
} as unknown as StateView;

const texts = (html: string, cls: string) => [...html.matchAll(new RegExp(`<text[^>]*class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1] ?? '');

describe('OrgDiagram', () => {
  const html = renderToStaticMarkup(createElement(OrgDiagram, { view, changes: [], covered: true }));

  it('shortens a director name that would run over the next seat, and keeps it whole in the title', () => {
    const names = texts(html, 'name');
    expect(names).toContain('Schmidt');
    for (const n of names.slice(0, 2)) expect([...n].length).toBeLessThanOrEqual(12);
    expect(names.some((n) => n.endsWith('…'))).toBe(true);
    expect(html).toContain(`<title>${long}</title>`);
  });

  it('shortens a holder name and a title that would run out of their box', () => {
    const name = texts(html, 'name').at(-1)!;
    const title = texts(html, 'small')[0] ?? '';
    expect([...name].length).toBeLessThanOrEqual(20);
    expect([...title].length).toBeLessThanOrEqual(20);
    expect(html).toContain(`<title>Head of Research and Development Strategy: ${long}</title>`);
  });

  it('marks a seat or role known less than for sure in words, as the lists beside it do: a rumoured CEO was drawn as a confirmed one', () => {
    const unsure = {
      ...view,
      roles: [{ ...view.roles[0]!, role: 'CEO', person: person('emmett', 'Emmett Shear'), interim: true, certainty: 'rumoured' }],
      board: { items: [seat('a', 'Anna Schmidt'), { ...seat('b', 'Ben Ortiz'), certainty: 'reported' }], total: 2 },
    } as unknown as StateView;
    const drawn = renderToStaticMarkup(createElement(OrgDiagram, { view: unsure, changes: [], covered: true }));
    expect(drawn).toContain('<title>CEO: Emmett Shear (interim), rumoured</title>');
    expect(drawn).toContain('<title>Ben Ortiz, reported</title>');
    expect(drawn).toContain('<title>Anna Schmidt</title>');
    expect(texts(drawn, 'small certainty')).toEqual(['reported', 'rumoured']);
    expect(drawn).toMatch(/aria-label="[^"]*CEO: Emmett Shear \(interim\), rumoured"/);
  });
});
