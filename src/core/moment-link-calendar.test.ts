/**
 * A moment link's time is read with Date.parse after a shape check, and V8's Date.parse rolls a day
 * the month does not have, and the hour 24, over into the next: `at=2023-02-30T00:00Z` opened on
 * 2 March, and `2023-11-17T24:00Z` on the 18th, with no word that the link named no such moment
 * (an event with such a time is refused: "February 2023 has no day 30"). Found opening such links.
 */
import { describe, expect, it } from 'vitest';
import { fragmentOfLink, linkTimeOf } from './moment-link';

describe('a moment link naming a day or hour that does not exist', () => {
  it.each(['2023-02-30', '2023-02-29T12:00Z', '2023-04-31T00:00:00Z', '2023-11-17T24:00Z', '2023-11-17T12:00:60Z', '2023-00-10'])('%s names no moment', (time) => {
    expect(linkTimeOf(time)).toBeUndefined();
    expect(fragmentOfLink(`incumbent://moment#company=openai&at=${time}`)).toEqual({ error: 'at: must be a date and time (ISO 8601)' });
  });

  it.each([
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2023-11-17T23:59:59.999-08:00', '2023-11-18T07:59:59.999Z'],
    ['2023-12-31T00:00+14:00', '2023-12-30T10:00:00.000Z'],
  ])('%s is read as it says', (time, iso) => {
    expect(new Date(linkTimeOf(time)!).toISOString()).toBe(iso);
  });
});
