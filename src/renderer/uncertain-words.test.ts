import { describe, expect, it } from 'vitest';
import { periodOf, zonedToEpoch } from './format';
import type { Uncertain } from './replay-protocol';
import { seatNote, uncertainReason, uncertainSummary } from './uncertain-words';

const LA = 'America/Los_Angeles';
const fact = (local: string, precision: Uncertain['precision'], applied = true): Uncertain => {
  const [from, to] = periodOf(zonedToEpoch(local, LA), precision, LA);
  return { eventId: `${precision}-${local}`, text: 'a change', precision, from, to, timezone: LA, applied };
};

describe('facts whose period holds the moment', () => {
  it('gives a fact known only to the month its month, never a day', () => {
    const cto = fact('2022-05-01T00:00', 'month');
    expect(uncertainSummary([cto])).toBe('1 change in May 2022 known only to the month');
    expect(uncertainReason([cto])).toBe('the log cannot say on what day, so at this moment it may or may not have happened');
    expect(seatNote(cto)).toBe('changed some time in May 2022');
  });

  it('gives a fact known only to the year its year', () => {
    const founded = fact('2015-06-01T00:00', 'year', false);
    expect(uncertainSummary([founded])).toBe('1 change in 2015 known only to the year');
    expect(uncertainReason([founded])).toBe('the log cannot say in what month, so at this moment it may or may not have happened');
    expect(seatNote(founded)).toBe('may change some time in 2015');
  });

  it('keeps the day and the hour it cannot say for facts known only to the day', () => {
    const both = [fact('2023-11-19T00:00', 'day', false), fact('2023-11-19T00:00', 'day')];
    expect(uncertainSummary(both)).toBe('2 changes on Sun 19 Nov 2023 known only to the day');
    expect(uncertainReason(both)).toBe('the log cannot say at what hour, so at this moment each may or may not have happened');
    expect(seatNote(both[0]!)).toBe('may change some time on Sun 19 Nov 2023');
  });

  it('says each period once when a day and a month both hold the moment', () => {
    const mixed = [fact('2023-11-19T00:00', 'day'), fact('2023-11-01T00:00', 'month'), fact('2023-11-19T00:00', 'day')];
    expect(uncertainSummary(mixed)).toBe('2 changes on Sun 19 Nov 2023 known only to the day; 1 change in November 2023 known only to the month');
    expect(uncertainReason(mixed)).toBe('the log cannot say exactly when, so at this moment each may or may not have happened');
  });
});
