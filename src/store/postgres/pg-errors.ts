/** What a failure talking to PostgreSQL means for the app, said as an IncumbentError. */
import { IncumbentError } from '../../core/errors';

/** SQLSTATE classes 08 (connection exception) and 57 (operator intervention: shutdown, terminated). */
const LOST_STATES = /^(08|57)/;
const LOST_MESSAGES = /Connection terminated|not queryable|ECONNRESET|EPIPE|timeout/i;

/** idle_in_transaction_session_timeout (pg-url.ts) ran out: the server ended the session and rolled its transaction back. */
const IDLE_IN_TRANSACTION_ENDED = '25P03';

/** True when the connection, not the statement, failed: the server went away or cannot be reached, or ended the session. */
export function isConnectionLoss(error: unknown): boolean {
  if (error instanceof IncumbentError) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') return LOST_STATES.test(code) || code === IDLE_IN_TRANSACTION_ENDED || /^E[A-Z]+$/.test(code);
  return typeof message === 'string' && LOST_MESSAGES.test(message);
}

/** SQLSTATE class 23 (integrity constraint violation): a unique key taken, the chain trigger's checks. */
export function isConstraintViolation(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === 'string' && code.startsWith('23');
}

const LOCK_WAIT_HINT = '60 s unless the URL sets lock_timeout=S';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)) || (error as { code?: string }).code || 'unknown error';

const ASKS_FOR_A_PASSWORD = 'asks for a password and none was given';

/** Whether `error` says the server asked for a password that none of the URL, PGPASSWORD or ~/.pgpass gave (the desktop asks for it instead). */
export const askedForPassword = (error: unknown): boolean => error instanceof IncumbentError && error.message.includes(ASKS_FOR_A_PASSWORD);

/**
 * Where the failing operation was: only one that writes says what became of its writing ("nothing
 * was written", or that a commit's outcome is unknown); a read, a connection or a check says nothing of it.
 */
export type PgPhase = 'reading' | 'writing' | 'committing';

/** The error a caller sees; `doing` says what was being done ("append to log x"), `phase` where it failed. */
export function pgError(error: unknown, server: string, doing: string, phase: PgPhase = 'reading'): IncumbentError {
  if (error instanceof IncumbentError) return error;
  const { code, constraint } = error as { code?: string; constraint?: string };
  const rolledBack = phase === 'reading' ? '' : '; nothing was written (the transaction was rolled back)';
  // Whatever was being sent (a COMMIT too) never ran: the server had already rolled back and hung up.
  if (code === IDLE_IN_TRANSACTION_ENDED) return new IncumbentError('io', `could not ${doing}: the PostgreSQL server at ${server} ended this session because it sat idle inside its transaction longer than idle_in_transaction_session_timeout allows (this process was stopped or stalled, or its network went silent), which freed the log's lock for other writers${rolledBack}. Try again`);
  if (isConnectionLoss(error)) {
    const outcome =
      phase === 'committing' ? '; the server went away while committing, so the batch may or may not be in the log: it is re-read when the server is back (events with ids are safe to send again: a repeat is a no-op)' : rolledBack;
    return new IncumbentError('io', `could not ${doing}: the PostgreSQL server at ${server} did not answer (${messageOf(error)})${outcome}`);
  }
  // lock_not_available: lock_timeout (pg-url.ts) ran out while another session held the log's
  // advisory lock, or a lock on the table itself (which a reader waits for too).
  if (code === '55P03') return new IncumbentError('locked', `could not ${doing}: PostgreSQL at ${server} waited longer than lock_timeout allows (${LOCK_WAIT_HINT}) for a lock another session held, the log's lock (appends, copies) or a lock on the table itself (an ALTER TABLE, VACUUM FULL or LOCK TABLE in progress)${phase === 'reading' ? '' : '; nothing was written'}. Try again; if it stays locked, find the session holding it in pg_locks (locktype advisory, or relation)`);
  // pg's own words when the server asks for a password and neither the URL, PGPASSWORD nor ~/.pgpass gave one.
  if (/client password must be a string/.test(messageOf(error))) return new IncumbentError('invalid', `PostgreSQL at ${server} ${ASKS_FOR_A_PASSWORD}: set PGPASSWORD or ~/.pgpass (or put it, percent-encoded, in the URL)`, '--log');
  if (code === '28P01' || code === '28000') return new IncumbentError('invalid', `PostgreSQL at ${server} refused the login: ${messageOf(error)}`, '--log');
  if (code === '3D000') return new IncumbentError('not-found', `PostgreSQL at ${server}: ${messageOf(error)}`);
  if (code === '42501') return new IncumbentError('invalid', `PostgreSQL at ${server} refused: ${messageOf(error)}`);
  if (code === '23505' || code === '23514' || constraint) return new IncumbentError('conflict', `could not ${doing}: ${messageOf(error)}`);
  return new IncumbentError('io', `could not ${doing} (PostgreSQL at ${server}): ${messageOf(error)}`);
}
