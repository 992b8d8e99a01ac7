import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fragmentOfLink, linkInArgv, momentLink } from './moment-link';

describe('moment links', () => {
  it('round-trip the page fragment the app writes', () => {
    const hash = '#company=openai&at=2023-11-18T20:00:00.000Z&known=2023-11-19T00:00:00.000Z';
    expect(momentLink(hash)).toBe('incumbent://moment#company=openai&at=2023-11-18T20:00:00.000Z&known=2023-11-19T00:00:00.000Z');
    expect(fragmentOfLink(momentLink(hash))).toEqual({ fragment: hash });
  });

  it('rebuild the fragment from checked values: dates normalised, nothing else passes', () => {
    expect(fragmentOfLink('incumbent://moment/#at=2023-11-18T12:00-08:00')).toEqual({ fragment: '#at=2023-11-18T20:00:00.000Z' });
  });

  it.each([
    ['https://example.com/#at=2023-11-18', /starts with incumbent:\/\/moment#/],
    ['incumbent://moment#company=openai', /^at: must be a date/],
    ['incumbent://moment#at=yesterday', /^at: must be a date/],
    ['incumbent://moment#at=2023-11-18&known=soon', /^known: must be a date/],
    ['incumbent://moment#at=2023-11-18&company=%3Cscript%3E', /^company: must be a company id/],
    ['incumbent://moment#at=2023-11-18&company=../../etc', /^company: must be a company id/],
    ['incumbent://moment#at=2023-11-18&token=abc', /unknown key "token"/],
    [`incumbent://moment#at=2023-11-18&company=${'a'.repeat(3000)}`, /at most 2048/],
  ])('refuse %s with what is wrong', (link, message) => {
    const result = fragmentOfLink(link);
    expect('error' in result && result.error).toMatch(message);
  });

  it('never throw, whatever the text (property)', () => {
    fc.assert(fc.property(fc.string(), (tail) => {
      const result = fragmentOfLink(`incumbent://moment#${tail}`);
      expect('fragment' in result || 'error' in result).toBe(true);
    }));
  });

  it('are found among the arguments the system passes', () => {
    expect(linkInArgv(['/usr/bin/incumbent', '--flag', 'incumbent://moment#at=2023-11-18'])).toBe('incumbent://moment#at=2023-11-18');
    expect(linkInArgv(['/usr/bin/incumbent'])).toBeUndefined();
  });
});
