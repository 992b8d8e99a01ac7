import { beforeEach, describe, expect, it } from 'vitest';
import { created, person, rec, resetSeq } from '../core/fixtures.test-support';
import { Ledger } from '../core/ledger';
import { validateRecords } from './integrity';

const citation = { document: 'd', quote: 'q' };

describe('validateRecords after a checked prefix (a catch-up)', () => {
  beforeEach(resetSeq);

  const ledgerOf = (...records: ReturnType<typeof rec>[]) => {
    const ledger = new Ledger();
    records.forEach((r) => ledger.add(r));
    return ledger;
  };

  it('names a correction written before the rule that moved its fact to a time still to come when it was recorded, through a correction of it too', () => {
    const log = created();
    const joined = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') });
    // Recorded on 1 January 2024 (the fixtures' clock): the first moves the fact to the day of recording (known to the day,
    // under way), the second to 2025, still known to the day as the first left it.
    const today = rec('event.corrected', joined.time, { target: joined.id, reason: 'r', citation, time: '2024-01-01T12:00:00Z', timeprecision: 'day', data: joined.data });
    const later = rec('event.corrected', joined.time, { target: today.id, reason: 'r', citation, time: '2025-06-01T00:00:00Z', data: joined.data });
    expect(validateRecords(ledgerOf(log, joined, today, later))).toEqual([expect.stringMatching(/^line 4: data\.time: Jun 1, 2025 is after the moment this event is recorded/)]);
  });

  it('refuses a second revision of an event revised before the checked records', () => {
    const log = created();
    const joined = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') });
    const first = rec('event.retracted', joined.time, { target: joined.id, reason: 'wrong', citation });
    const second = rec('event.retracted', joined.time, { target: joined.id, reason: 'wrong again', citation });
    const ledger = ledgerOf(log, joined, first, second);
    expect(() => validateRecords(ledger, 3)).toThrow(`line 4: data.target: event "${joined.id}" was already revised by "${first.id}"`);
    // The whole log, from the start, says the same.
    expect(() => validateRecords(ledger)).toThrow(`already revised by "${first.id}"`);
  });

  it('refuses a second revision when both are among the checked records, and accepts revisions of different events', () => {
    const log = created();
    const a = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') });
    const b = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('bob') });
    const ra = rec('event.retracted', a.time, { target: a.id, reason: 'wrong', citation });
    const rb = rec('event.retracted', b.time, { target: b.id, reason: 'wrong', citation });
    expect(validateRecords(ledgerOf(log, a, b, ra, rb), 3)).toEqual([]);
    resetSeq();
    const log2 = created();
    const a2 = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') });
    const r1 = rec('event.retracted', a2.time, { target: a2.id, reason: 'wrong', citation });
    const r2 = rec('event.retracted', a2.time, { target: a2.id, reason: 'wrong', citation });
    expect(() => validateRecords(ledgerOf(log2, a2, r1, r2), 2)).toThrow(`line 4: data.target: event "${a2.id}" was already revised by "${r1.id}"`);
  });
});

describe('validateRecords counts revisions as written', () => {
  beforeEach(resetSeq);

  it('an earlier correction replay could not apply (older rules) still revised its event', () => {
    const log = created();
    const joined = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') });
    // A correction whose data today's schema refuses (no person): replay skips it, the rules count it.
    const refused = rec('event.corrected', joined.time, { target: joined.id, reason: 'r', citation, data: { certainty: 'confirmed', citation } });
    const second = rec('event.corrected', joined.time, { target: joined.id, reason: 'r2', citation, data: { ...joined.data, person: person('bob') } });
    const ledger = new Ledger();
    [log, joined, refused, second].forEach((r) => ledger.add(r));
    expect(() => validateRecords(ledger, 3)).toThrow(`line 4: data.target: event "${joined.id}" was already revised by "${refused.id}"`);
  });
});

describe('Ledger.firstRevisionOf', () => {
  beforeEach(resetSeq);

  it('does not count a revision the ledger refused to add', () => {
    const log = created();
    const joined = rec('board.joined', '2023-12-30T00:00:00Z', { person: person('ann') });
    const ledger = new Ledger();
    [log, joined].forEach((r) => ledger.add(r));
    const unreadable = rec('event.corrected', joined.time, { target: joined.id, reason: 'r', citation, time: 'not a time', data: joined.data });
    expect(() => ledger.add(unreadable)).toThrow('not a date-time');
    expect(ledger.byId(unreadable.id)).toBeUndefined();
    expect(ledger.firstRevisionOf(joined.id)).toBeUndefined();
  });
});
