/**
 * What the desktop's "Open Shared Log…" dialog sends (a connection string and a password), checked
 * before anything connects, and split in two:
 * - `connect`: the URL with the password in it, held in memory only, to open the log with;
 * - `remembered`: the same URL without the password, the one the app may store and show.
 * Errors name the dialog's field (`url` or `password`).
 */
import { SHARED_PASSWORD_LIMIT as PASSWORD_LIMIT, SHARED_URL_LIMIT as URL_LIMIT } from '../core/desktop-contract';
import { IncumbentError } from '../core/errors';
import { parsePgUrl } from '../store/postgres/pg-url';

export interface SharedLogRequest {
  url: string;
  password?: string | undefined;
}

export interface SharedLogTarget {
  connect: string;
  remembered: string;
  /** The password given (in the field or in the URL), if any. */
  password?: string;
}

const FORM = 'postgres://user@host:port/database?log=NAME';

const bad = (field: 'url' | 'password', message: string) => new IncumbentError('invalid', message, field);

export function sharedLogTarget(request: SharedLogRequest): SharedLogTarget {
  const text = request.url.trim();
  if (text.length === 0 || text.length > URL_LIMIT) throw bad('url', `must be a connection string of 1 to ${URL_LIMIT} characters (${FORM})`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad('url', `is not a connection string (${FORM})`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw bad('url', `must start with postgres:// (${FORM})`);
  // The CLI may fall back on PGUSER/PGHOST/PGDATABASE; a remembered desktop entry must say them all, or it would mean something else on another day.
  if (!url.username) throw bad('url', `needs the user name (${FORM})`);
  if (!url.hostname) throw bad('url', `needs the server's host name (${FORM})`);
  if (url.pathname.length < 2 || url.pathname.indexOf('/', 1) !== -1) throw bad('url', `needs exactly one database name after the host (${FORM})`);
  if (url.hash) throw bad('url', 'must not have a #fragment');
  const inUrl = url.password ? decoded(url.password) : undefined;
  const field = request.password || undefined;
  if (field !== undefined && inUrl !== undefined && field !== inUrl) throw bad('password', 'differs from the password in the connection string; give it in one place (the password field)');
  const password = field ?? inUrl;
  if (password !== undefined) {
    if (password.length > PASSWORD_LIMIT) throw bad('password', `is longer than ${PASSWORD_LIMIT} characters`);
    // PostgreSQL's protocol ends strings at NUL: such a password could never be sent as typed.
    if (password.includes('\0')) throw bad('password', 'contains a NUL character, which PostgreSQL cannot receive');
  }
  url.password = '';
  url.protocol = 'postgres:';
  const remembered = url.toString();
  try {
    // The same checks the CLI and the store apply (log name, known parameters).
    parsePgUrl(remembered);
  } catch (error) {
    if (error instanceof IncumbentError) throw bad('url', error.toData().message);
    throw bad('url', `is not a connection string (${FORM})`);
  }
  // Encoded in full, so that any character (@ : / %) survives the URL and parsePgUrl's decoding.
  if (password !== undefined) url.password = encodeURIComponent(password);
  return { connect: url.toString(), remembered, ...(password !== undefined ? { password } : {}) };
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw bad('url', 'has a badly percent-encoded password (or give it in the password field instead)');
  }
}
