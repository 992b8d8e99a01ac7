import { describe, expect, it } from 'vitest';
import { checkStoredRecord, parseDraft } from './validate';
import { offsetProblem, zoneProblem } from './zone';

const citation = { document: 'Annual report 2024', quote: 'The board appointed her.' };
const draft = (timezone: string, time = '2024-03-01T09:30:00+01:00') => ({ subject: 'acme', time, timezone, type: 'board.joined', data: { certainty: 'confirmed', citation, person: { id: 'ann-lee', name: 'Ann Lee' } } });
const stored = (timezone: string, seq: number) => ({ ...parseDraft(draft('Europe/Paris')), timezone, id: `e${seq}`, seq, prevhash: '0'.repeat(64), recordedtime: '2024-03-02T00:00:00Z' });

/** Zone formatters are built once per zone name and reused (a log repeats a handful of zones a million times). */
describe('zone validity, cached per zone name', () => {
  it('refuses an unknown zone every time it is asked, not only the first', () => {
    for (let i = 0; i < 3; i++) {
      expect(zoneProblem('Europe/Atlantis')).toMatch(/must be an IANA time zone/);
      expect(() => parseDraft(draft('Europe/Atlantis'))).toThrow(/^timezone: must be an IANA time zone/);
    }
  });

  it('refuses an abbreviation every time, and accepts a known zone every time', () => {
    for (let i = 0; i < 3; i++) {
      expect(zoneProblem('PST')).toMatch(/abbreviation/);
      expect(zoneProblem('Europe/Paris')).toBeUndefined();
      expect(zoneProblem('UTC')).toBeUndefined();
    }
  });

  it('reports a stored record with an unknown zone, however many records before it had a valid one', () => {
    for (let seq = 1; seq <= 50; seq++) expect(checkStoredRecord(stored('Europe/Paris', seq))).toBeUndefined();
    expect(checkStoredRecord(stored('Europe/Atlantis', 51))).toMatch(/must be an IANA time zone/);
    expect(checkStoredRecord(stored('Europe/Atlantis', 52))).toMatch(/must be an IANA time zone/);
  });

  it('checks the offset against the zone at each instant with the cached formatter (DST both sides)', () => {
    const t = (iso: string) => Date.parse(iso);
    expect(offsetProblem('2024-03-01T09:30:00+01:00', 'Europe/Paris', t('2024-03-01T09:30:00+01:00'))).toBeUndefined();
    expect(offsetProblem('2024-07-01T09:30:00+02:00', 'Europe/Paris', t('2024-07-01T09:30:00+02:00'))).toBeUndefined();
    expect(offsetProblem('2024-07-01T09:30:00+01:00', 'Europe/Paris', t('2024-07-01T09:30:00+01:00'))).toMatch(/UTC\+02:00/);
  });
});
