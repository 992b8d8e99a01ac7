/**
 * A zone is written as IANA spells it. Intl matches names case-insensitively, so "america/new_york"
 * worked here, but the log and every snapshot kept that spelling, which a reader's tz database
 * (files on a case-sensitive disk: Python's zoneinfo, Java's ZoneId) does not know.
 */
import { describe, expect, it } from 'vitest';
import { zoneProblem } from './zone';

describe('zoneProblem', () => {
  it('accepts IANA names as spelt, links included', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'America/Port-au-Prince', 'Etc/GMT+8', 'US/Pacific']) expect(zoneProblem(zone), zone).toBeUndefined();
  });

  it('refuses a name in another case, naming its spelling', () => {
    expect(zoneProblem('america/los_angeles')).toBe('"america/los_angeles" is not how IANA spells it: write America/Los_Angeles');
    expect(zoneProblem('AMERICA/NEW_YORK')).toMatch(/write America\/New_York$/);
    expect(zoneProblem('etc/gmt+8')).toMatch(/write Etc\/GMT\+8$/);
  });

  it('suggests UTC once for an abbreviation of it', () => {
    expect(zoneProblem('GMT')).toBe('"GMT" is an abbreviation, not an IANA time zone: write UTC');
    expect(zoneProblem('EST')).toMatch(/write America\/\w+ \(or UTC\)$/);
    expect(zoneProblem('utc')).toMatch(/write UTC$/);
  });
});
