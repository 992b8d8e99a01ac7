import { describe, expect, it } from 'vitest';
import type { EventDraft } from './event';
import { checkNewCompanies, editDistance } from './new-company';

const event = (subject: string, type = 'board.joined') => ({ type, subject }) as unknown as EventDraft;
const fieldOf = (i: number) => `events.${i}`;
const check = (known: string[], drafts: EventDraft[]) => {
  try {
    checkNewCompanies(known, drafts, fieldOf);
    return 'taken';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours, and stops past its limit', () => {
    expect(editDistance('openai', 'openai', 2)).toBe(0);
    expect(editDistance('openai', 'opnai', 2)).toBe(1);
    expect(editDistance('openai', 'open-ai', 2)).toBe(1);
    expect(editDistance('openai', 'opeani', 2)).toBe(1);
    expect(editDistance('openai', 'oepnia', 2)).toBe(2);
    expect(editDistance('openai', 'anthropic', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('a new company that looks like a slip for a known one', () => {
  it('is refused, naming the event, the known company and how to start a new one on purpose', () => {
    expect(check(['openai', 'twitter'], [event('openai'), event('opnai')])).toBe(
      'events.1.subject: "opnai" is no company in this log, and "openai" is: if you meant "openai", correct the subject; to start a new company "opnai", register it in the same batch with a company.registered event',
    );
    expect(check(['company-1'], [event('company-10')])).toMatch(/^events\.0\.subject: "company-10" is no company in this log, and "company-1" is/);
  });

  it('is taken when the batch registers it, and then every event of the batch may name it', () => {
    expect(check(['company-1'], [event('company-10', 'company.registered'), event('company-10')])).toBe('taken');
    expect(check(['company-1'], [event('company-10'), event('company-10', 'company.registered')])).toBe('taken');
  });

  it('leaves alone known companies and new ones unlike any known', () => {
    expect(check(['openai'], [event('openai'), event('anthropic'), event('anthropic')])).toBe('taken');
    // Alike new companies started together are an import, not a slip.
    expect(check([], [event('acme'), event('acme-2'), event('company-1'), event('company-10')])).toBe('taken');
  });
});
