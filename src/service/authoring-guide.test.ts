/** docs/authoring.md keeps up with the vocabulary: every event type, end cause, outcome, control kind and seat spelling is in it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knownSeats } from '../core/seats';
import { ControlKind, EndCause, eventTypes, Outcome } from '../core/vocabulary';

const guide = readFileSync(new URL('../../docs/authoring.md', import.meta.url), 'utf8');

describe('docs/authoring.md', () => {
  it.each(eventTypes.filter((type) => type !== 'log.created'))('explains %s', (type) => {
    expect(guide).toContain(`\`${type}\``);
  });

  it('lists every end cause, outcome and control kind', () => {
    for (const value of [...EndCause.options, ...Outcome.options, ...ControlKind.options]) expect(guide, value).toContain(`\`${value}\``);
  });

  it('lists every known seat and its spellings', () => {
    for (const { title, spellings } of knownSeats()) {
      const row = guide.split('\n').find((line) => line.startsWith(`| ${title} |`));
      expect(row, title).toBeDefined();
      for (const spelling of spellings) expect(row, `${title}: ${spelling}`).toContain(spelling);
    }
  });
});
