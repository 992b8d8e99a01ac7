/** What a failure of the pg driver is said as. (A missing password was seen against a real server
 * whose pg_hba asks for scram-sha-256: pg throws this exact Error, with no SQLSTATE.) */
import { describe, expect, it } from 'vitest';
import { pgError } from './pg-errors';

describe('pgError', () => {
  it('a server asking for a password none was given for: the URL is at fault, and the message says how to give one', () => {
    const error = pgError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'db:5432', 'connect to log "a"');
    expect(error).toMatchObject({ code: 'invalid', field: '--log', message: expect.stringMatching(/PostgreSQL at db:5432 asks for a password and none was given: set PGPASSWORD/) });
  });
});
