/** What a failure of the pg driver is said as. (A missing password was seen against a real server
 * whose pg_hba asks for scram-sha-256: pg throws this exact Error, with no SQLSTATE.) */
import { describe, expect, it } from 'vitest';
import { pgError } from './pg-errors';

describe('pgError', () => {
  it('a server asking for a password none was given for: the URL is at fault, and the message says how to give one', () => {
    const error = pgError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'db:5432', 'connect to log "a"');
    expect(error).toMatchObject({ code: 'invalid', field: '--log', message: expect.stringMatching(/PostgreSQL at db:5432 asks for a password and none was given: set PGPASSWORD/) });
  });

  it('only an operation that writes says what became of its writing; a failed read says nothing of writing', () => {
    const lost = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const lockWait = () => Object.assign(new Error('canceling statement due to lock timeout'), { code: '55P03' });
    const idle = () => Object.assign(new Error('terminating connection due to idle-in-transaction timeout'), { code: '25P03' });
    for (const error of [lost(), lockWait(), idle()]) {
      const read = pgError(error, 'db:5432', 'read log "a"').message;
      expect(read).toMatch(/^could not read log "a": .*(PostgreSQL server at db:5432 did not answer|lock_timeout|idle inside its transaction)/);
      expect(read).not.toMatch(/written|rolled back|committ/);
      expect(pgError(error, 'db:5432', 'append to log "a"', 'writing').message).toMatch(/nothing was written/);
    }
    expect(pgError(lost(), 'db:5432', 'append to log "a"', 'committing').message).toMatch(/went away while committing, so the batch may or may not be in the log/);
    expect(pgError(lost(), 'db:5432', 'append to log "a"', 'committing').message).not.toMatch(/nothing was written/);
  });
});
