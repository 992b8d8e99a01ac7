import { describe, expect, it } from 'vitest';
import { dateTimeProblem } from './date-time-problem';
import { EffectiveTime } from './event';

const GENERAL = 'must be an RFC 3339 date-time with an offset, e.g. 2023-11-17T12:00:00-08:00';

describe('why a time is refused', () => {
  it.each([
    ['2024-02-30T00:00:00Z', `${GENERAL}: February 2024 has no day 30`],
    ['2023-02-29T12:00:00-08:00', `${GENERAL}: February 2023 has no day 29`],
    ['2023-04-31T12:00Z', `${GENERAL}: April 2023 has no day 31`],
    ['2023-13-01T12:00:00Z', `${GENERAL}: there is no month 13`],
    ['2023-11-17T24:00:00Z', `${GENERAL}: there is no time 24:00:00 in a day`],
    ['2023-11-17T12:60Z', `${GENERAL}: there is no time 12:60 in a day`],
    ['2016-12-31T23:59:60Z', `${GENERAL}: a leap second (:60) cannot be recorded; write :59 instead`],
    ['2023-11-17T12:00:61Z', `${GENERAL}: there is no time 12:00:61 in a day`],
    ['2023-11-17T12:00:00+24:00', `${GENERAL}: there is no offset +24:00`],
    ['2023-11-17T12:00:00', `${GENERAL}: it has none (Z for UTC, or the local one, such as -08:00)`],
    ['2024-02-29T00:00:00z', `${GENERAL}: write its T and Z as capitals`],
    ['2024-02-29t00:00:00', `${GENERAL}: it has none (Z for UTC, or the local one, such as -08:00)`],
    ['2024-02-29t00:00:00-08:00', `${GENERAL}: write its T and Z as capitals`],
    ['yesterday', GENERAL],
    ['2023-11-17', GENERAL],
  ])('%s: %s', (time, message) => {
    const parsed = EffectiveTime.safeParse(time);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe(message);
  });

  it('says nothing more of a time whose fault it cannot name', () => {
    expect(dateTimeProblem(42)).toBe(GENERAL);
    expect(dateTimeProblem('2024-02-29T00:00:00Z')).toBe(GENERAL);
  });
});
