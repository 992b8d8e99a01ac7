/**
 * A postgres URL's parameters are each given once and mean one thing: a second `log=` would be
 * dropped in silence (the first one wins, so a writer appends to a log it did not name last), and an
 * sslmode this client does not carry out would be taken as the strictest one. No server is needed.
 */
import { describe, expect, it } from 'vitest';
import { IncumbentError } from '../../core/errors';
import { parsePgUrl } from './pg-url';

const refusal = (url: string) => {
  try {
    parsePgUrl(url);
  } catch (error) {
    return error instanceof IncumbentError ? error.message : `raw: ${String(error)}`;
  }
  return 'accepted';
};

describe('postgres URL parameters', () => {
  it('a parameter given twice is refused, naming it', () => {
    expect(refusal('postgres://u@h:5432/db?log=news&log=other')).toMatch(/^--log: .*"log" more than once/);
    expect(refusal('postgres://u@h:5432/db?log=news&lock_timeout=5&lock_timeout=9')).toMatch(/^--log: .*"lock_timeout" more than once/);
  });

  it('an sslmode this client does not carry out is refused, not taken as verify-full', () => {
    for (const mode of ['bogus', 'prefer', 'allow', 'REQUIRE']) expect(refusal(`postgres://u@h:5432/db?log=news&sslmode=${mode}`)).toMatch(/^--log: has an sslmode .*disable, require, verify-ca or verify-full/);
    for (const mode of ['disable', 'require', 'verify-ca', 'verify-full']) expect(refusal(`postgres://u@h:5432/db?log=news&sslmode=${mode}`)).toBe('accepted');
  });

  it('a NUL in the user, database, password or application_name is refused, naming which', () => {
    expect(refusal('postgres://u@h:5432/post%00gres?log=news')).toMatch(/^--log: has a NUL character in its database name/);
    expect(refusal('postgres://u%00x@h:5432/db?log=news')).toMatch(/^--log: has a NUL character in its user name/);
    expect(refusal('postgres://u:Xy%00zz@h:5432/db?log=news')).toMatch(/^--log: has a NUL character in its password/);
    expect(refusal('postgres://u@h:5432/db?log=news&application_name=a%00b')).toMatch(/^--log: has a NUL character in its application_name/);
  });

  it("a user, database or application_name longer than PostgreSQL's 63 bytes is refused, naming which: the server cuts names there (two names alike in their first 63 bytes reach one database), and one of some kilobytes made it hang up", () => {
    const long = 'd'.repeat(64);
    expect(refusal(`postgres://u@h:5432/${long}?log=news`)).toMatch(/^--log: has a database name longer than 63 bytes/);
    expect(refusal(`postgres://${long}@h:5432/db?log=news`)).toMatch(/^--log: has a user name longer than 63 bytes/);
    expect(refusal(`postgres://u@h:5432/db?log=news&application_name=${'x'.repeat(20_000)}`)).toMatch(/^--log: has an application_name longer than 63 bytes/);
    expect(refusal(`postgres://u@h:5432/${'é'.repeat(31)}?log=news`)).toBe('accepted');
    expect(refusal(`postgres://u@h:5432/${'é'.repeat(32)}?log=news`)).toMatch(/database name longer than 63 bytes/);
  });
});
