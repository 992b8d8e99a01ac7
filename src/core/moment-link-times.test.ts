/**
 * A moment link names one instant for everyone who opens it. Its times were read by Date.parse,
 * which takes whatever the engine likes: "1" (the year 2001), "Nov 18 2023", and a date-time with
 * no offset, read in the local zone of whoever opens the link, so the same link showed each reader
 * another moment. A key given twice was read as its first. Only a date (UTC, as ECMAScript reads
 * it) or a date-time with its offset passes now, once.
 */
import { describe, expect, it } from 'vitest';
import { fragmentOfLink, linkTimeOf } from './moment-link';

describe('the times of a moment link', () => {
  it.each([
    ['at=1', /^at: must be a date/],
    ['at=2023', /^at: must be a date/],
    ['at=Nov 18 2023 12:00', /^at: must be a date/],
    ['at=2023-11-18T12:00:00', /^at: .*offset/],
    ['at=2023-11-18 12:00Z', /^at: must be a date/],
    ['at=2023-11-18T12:00:00Z&known=2023-11-19T00:00', /^known: .*offset/],
    ['at=2023-11-18T12:00:00Z&at=2023-11-19T12:00:00Z', /^at: is given more than once/],
    ['company=openai&company=acme&at=2023-11-18T12:00:00Z', /^company: is given more than once/],
  ])('refuse %s', (tail, message) => {
    const result = fragmentOfLink(`incumbent://moment#${tail}`);
    expect('error' in result && result.error).toMatch(message);
  });

  it.each([
    ['2023-11-18', '2023-11-18T00:00:00.000Z'],
    ['2023-11-18T12:00-08:00', '2023-11-18T20:00:00.000Z'],
    ['2023-11-18T12:00:00.5+05:30', '2023-11-18T06:30:00.500Z'],
    ['2023-11-18T20:00:00.000Z', '2023-11-18T20:00:00.000Z'],
  ])('take %s as %s wherever it is opened', (text, iso) => {
    expect(linkTimeOf(text)).toBe(Date.parse(iso));
  });
});
