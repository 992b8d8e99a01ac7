import { describe, expect, it } from 'vitest';
import type { EventRecord } from './event';
import { describeEvent, itemNameBefore, ItemNames } from './describe';
import { describeChange } from './diff';

const citation = { document: 'Annual report', quote: 'Appointed.' };
const assumed = (data: Record<string, unknown>) => describeEvent({ type: 'role.assumed', data: { certainty: 'confirmed', citation, person: { id: 'ann', name: 'Ann Lee' }, ...data } } as never);

describe('describeEvent', () => {
  it('says interim or acting once, whether the flag or the title carries it', () => {
    expect(assumed({ role: 'CEO', interim: true, acting: false })).toBe('Ann Lee became interim CEO');
    expect(assumed({ role: 'Interim CEO', interim: true, acting: false })).toBe('Ann Lee became Interim CEO');
    expect(assumed({ role: 'Acting CFO', interim: false, acting: true })).toBe('Ann Lee became Acting CFO');
    expect(assumed({ role: 'CTO', interim: false, acting: false })).toBe('Ann Lee became CTO');
  });

  it('isolates a record’s right-to-left text in its sentence, and leaves other text as it is', () => {
    const khalid = { id: 'khalid', name: 'خالد العتيبي' };
    const statement = describeEvent({ type: 'statement.made', data: { certainty: 'confirmed', citation, person: khalid, text: 'نحن ملتزمون بالشفافية' } } as never);
    expect(statement).toBe('\u2068خالد العتيبي\u2069: "\u2068نحن ملتزمون بالشفافية\u2069"');
    expect(assumed({ person: { id: 'dana', name: 'דנה לוי' }, role: 'CFO', interim: false, acting: false })).toBe('\u2068דנה לוי\u2069 became CFO');
    expect(describeChange({ kind: 'board-joined', person: khalid, eventId: 'e1' } as never)).toBe('\u2068خالد العتيبي\u2069 joined the board');
    expect(describeChange({ kind: 'board-joined', person: { id: 'ann', name: 'Ann Lee' }, eventId: 'e1' } as never)).toBe('Ann Lee joined the board');
  });

  it('keeps a hand-written record’s bidi controls from closing our isolate or reordering the sentence (the CLI shows them as they are)', () => {
    // An isolate closed early lets the override after it run on; one opened inside keeps ours open; an override alone reverses the line.
    expect(assumed({ person: { id: 'x', name: 'خالد\u2069\u202e' }, role: 'CFO', interim: false, acting: false })).toBe('\u2068خالد\ufffd\ufffd\u2069 became CFO');
    expect(assumed({ person: { id: 'x', name: 'خالد\u2067' }, role: 'CFO', interim: false, acting: false })).toBe('\u2068خالد\ufffd\u2069 became CFO');
    expect(assumed({ person: { id: 'x', name: 'Ann\u202e' }, role: 'CFO', interim: false, acting: false })).toBe('Ann\ufffd became CFO');
    expect(assumed({ person: { id: 'x', name: 'Ann\u200f' }, role: 'CFO', interim: false, acting: false })).toBe('\u2068Ann\u200f\u2069 became CFO');
  });
});

describe('a resolution names its item by what opened it, not by its id', () => {
  let seq = 0;
  const record = (type: string, data: Record<string, unknown>, subject = 'openai') => ({ seq: ++seq, subject, type, data: { certainty: 'reported', citation, ...data } }) as unknown as EventRecord;
  const talks = record('negotiation.opened', { item: 'altman-return', parties: ['OpenAI board', 'Sam Altman'], summary: "Talks on Sam Altman's return as CEO" });
  const elsewhere = record('offer.made', { item: 'altman-return', from: 'Acme', to: 'Sam Altman', summary: 'An offer at another company' }, 'acme');
  const statement = record('statement.made', { person: { id: 'ann', name: 'Ann Lee' }, text: 'No comment.' });
  const settled = record('pending.resolved', { item: 'altman-return', outcome: 'accepted', summary: 'He is back' });
  const log = [talks, elsewhere, statement, settled];

  it('in order, as the CLI and a search read them (the same id at another company is another item)', () => {
    const names = new ItemNames();
    const said = log.map((r) => (names.note(r), names.describe(r)));
    expect(said[3]).toBe("Resolved “Talks on Sam Altman's return as CEO” (accepted): He is back");
    expect(new ItemNames().describe(settled)).toBe('Resolved altman return (accepted): He is back');
  });

  it('looking back from the resolution, as a row of the events list does, within a bound', () => {
    const recordAt = (s: number) => log[s - 1];
    expect(itemNameBefore(recordAt, settled)).toBe("Talks on Sam Altman's return as CEO");
    expect(itemNameBefore(recordAt, settled, 2)).toBeUndefined();
    expect(itemNameBefore(recordAt, statement)).toBeUndefined();
  });
});
