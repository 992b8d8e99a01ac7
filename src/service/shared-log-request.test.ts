import { describe, expect, it } from 'vitest';
import { IncumbentError } from '../core/errors';
import { parsePgUrl } from '../store/postgres/pg-url';
import { sharedLogTarget } from './shared-log-request';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IncumbentError);
    return (error as IncumbentError).message;
  }
  throw new Error('expected a refusal');
};

describe('the Open Shared Log dialog’s request', () => {
  it('splits into a URL to connect with and one to remember without the password', () => {
    const target = sharedLogTarget({ url: ' postgres://alice@db.example:5432/news?log=openai&sslmode=require ', password: 'p@ss%:/w"rd é' });
    expect(target.remembered).toBe('postgres://alice@db.example:5432/news?log=openai&sslmode=require');
    expect(target.remembered).not.toContain('p%40ss');
    expect(target.password).toBe('p@ss%:/w"rd é');
    // The store reads the password back exactly, whatever characters it has.
    expect(parsePgUrl(target.connect).config.password).toBe('p@ss%:/w"rd é');
    expect(parsePgUrl(target.connect).display).toBe(parsePgUrl(target.remembered).display);
  });

  it('takes a password written in the URL, and never remembers it', () => {
    const target = sharedLogTarget({ url: 'postgresql://bob:s3cret@db:5432/news?log=x' });
    expect(target).toEqual({ connect: 'postgres://bob:s3cret@db:5432/news?log=x', remembered: 'postgres://bob@db:5432/news?log=x', password: 's3cret' });
    expect(sharedLogTarget({ url: 'postgres://bob:s3cret@db/news?log=x', password: 's3cret' }).password).toBe('s3cret');
  });

  it('needs no password (PGPASSWORD, ~/.pgpass or a trusting server)', () => {
    expect(sharedLogTarget({ url: 'postgres://bob@db/news?log=x', password: '' })).toEqual({ connect: 'postgres://bob@db/news?log=x', remembered: 'postgres://bob@db/news?log=x' });
  });

  it('refuses what is not a complete connection string, naming the field', () => {
    expect(fieldOf(() => sharedLogTarget({ url: '' }))).toMatch(/^url: must be a connection string/);
    expect(fieldOf(() => sharedLogTarget({ url: 'x'.repeat(3000) }))).toMatch(/^url: must be a connection string of 1 to 2048/);
    expect(fieldOf(() => sharedLogTarget({ url: 'db.example/news' }))).toMatch(/^url: is not a connection string/);
    expect(fieldOf(() => sharedLogTarget({ url: 'mysql://a@b/c?log=x' }))).toMatch(/^url: must start with postgres:\/\//);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://db.example/news?log=x' }))).toMatch(/^url: needs the user name/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@/news?log=x' }))).toMatch(/^url: is not a connection string/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@:5432/news?log=x' }))).toMatch(/^url: (is not a connection string|needs the server's host name)/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@db' }))).toMatch(/^url: needs exactly one database name/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@db/a/b?log=x' }))).toMatch(/^url: needs exactly one database name/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@db/news?log=x#y' }))).toMatch(/^url: must not have a #fragment/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@db/news' }))).toMatch(/^url: needs \?log=NAME/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@db/news?log=../x y' }))).toMatch(/^url: needs \?log=NAME/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice@db/news?log=x&host=evil' }))).toMatch(/^url: unknown postgres URL parameter "host"/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://alice:%E0%A4%A@db/news?log=x' }))).toMatch(/^url: has a badly percent-encoded password/);
  });

  it('refuses a password it could not send as typed, or two different passwords', () => {
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://a@db/n?log=x', password: 'p'.repeat(1025) }))).toMatch(/^password: is longer than 1024/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://a@db/n?log=x', password: 'a\0b' }))).toMatch(/^password: contains a NUL/);
    expect(fieldOf(() => sharedLogTarget({ url: 'postgres://a:one@db/n?log=x', password: 'two' }))).toMatch(/^password: differs from the password in the connection string/);
  });

  it('never puts the password into an error message', () => {
    for (const url of ['postgres://a:hunter2@db/n', 'postgres://a:hunter2@db/n?log=x&bad=1', 'postgres://a:hunter2@db/n?log=x#f']) {
      expect(fieldOf(() => sharedLogTarget({ url }))).not.toContain('hunter2');
    }
  });
});
