/**
 * `postgres://user[:password]@host[:port]/database?log=NAME`: where a shared log lives. Several
 * logs share one database, told apart by NAME. The password is kept only in the connection
 * settings in memory; what the app shows, prints or stores is `display`, which never has it.
 * Prefer PGPASSWORD or ~/.pgpass to a password in the URL (it would sit in shell history).
 */
import { hash } from 'node:crypto';
import { userInfo } from 'node:os';
import type { ClientConfig } from 'pg';
import { IncumbentError } from '../../core/errors';

export interface PgTarget {
  /** The log's name within the database. */
  log: string;
  /** The URL without its password: safe to print, log and store. */
  display: string;
  /** Host and port, for messages about the server. */
  server: string;
  config: ClientConfig;
  /** The key of this log's transaction-scoped advisory lock (one writer at a time, per log). */
  lockKey: string;
}

const LOG_NAME = /^[A-Za-z0-9._-]{1,100}$/;
const ALLOWED = new Set(['log', 'sslmode', 'connect_timeout', 'lock_timeout', 'application_name']);
const SSL_MODES = new Set(['disable', 'require', 'verify-ca', 'verify-full']);

/**
 * How long a statement waits for a lock, in seconds, unless the URL says (`lock_timeout=S`). Any
 * role, a reader too, may take a log's advisory lock (pg_advisory_xact_lock is PUBLIC's to run),
 * and a session stopped mid-transaction keeps it (one of ours for IDLE_IN_TRANSACTION_MS at most):
 * without a bound, every append behind it would wait for as long, with the host's connection to
 * the log held. A minute
 * outlasts the longest legitimate hold short of copying a large log in.
 */
const LOCK_WAIT_S = 60;

/**
 * How long the server lets one of our sessions sit idle inside a transaction before it ends the
 * session, which rolls the transaction back and frees the log's lock. A writer whose machine or
 * network vanishes mid-append (or whose process is stopped) would otherwise keep the lock until the
 * server's TCP keepalive gives up on it: about two hours by default, with every other writer
 * refused after lock_timeout meanwhile. A legitimate append is idle between its statements only for
 * a round trip and the client's own work (catching up 20,000 lines a page takes about 0.1 s; a 1M
 * log opens in about 4 s), so 15 s is far beyond it, and well inside LOCK_WAIT_S: a writer queued
 * behind a vanished one gets the lock instead of being refused.
 */
export const IDLE_IN_TRANSACTION_MS = 15_000;

const invalid = (message: string) => new IncumbentError('invalid', message, '--log');

/**
 * A `/`, `?` or `#` left unencoded in the password ends the URL's user info early: the rest of the
 * password would be read as the host, port, database or query, and shown in every message and
 * banner. The `@` that ends the user info then comes after that point, where no other URL has one.
 */
function checkUserInfoWhole(location: string): void {
  const rest = location.replace(/^[a-z]+:\/\//i, '');
  const authorityEnd = rest.search(/[/?#]/);
  if (authorityEnd !== -1 && rest.includes('@', authorityEnd)) throw invalid('has an "@" after its host: a password holding / ? or # must be percent-encoded (%2F %3F %23), or given in PGPASSWORD or ~/.pgpass');
}

/** PostgreSQL's startup message ends each setting at a NUL: the server hung up, read as "did not answer". */
const noNul = (value: string, what: string) => {
  if (value.includes('\0')) throw invalid(`has a NUL character in its ${what} (%00), which PostgreSQL cannot take`);
  return value;
};

/** The server cuts a name at NAMEDATALEN - 1 bytes without a word (two names alike that far reach one database), and hangs up on a startup message of some kilobytes. */
const NAME_BYTES = 63;
const shortName = (value: string, what: string) => {
  if (Buffer.byteLength(value) > NAME_BYTES) throw invalid(`has ${what} longer than ${NAME_BYTES} bytes, PostgreSQL's limit (the server would cut it short)`);
  return value;
};

const decoded = (part: string, what: string) => {
  let value: string;
  try {
    value = decodeURIComponent(part);
  } catch {
    throw invalid(`has a badly percent-encoded ${what} (a % must be followed by two hex digits; write % itself as %25)`);
  }
  return noNul(value, what);
};

/** `idleInTransactionMs` is for tests, which cannot wait IDLE_IN_TRANSACTION_MS for each case. */
export function parsePgUrl(location: string, idleInTransactionMs = IDLE_IN_TRANSACTION_MS): PgTarget {
  checkUserInfoWhole(location);
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw invalid('is not a valid postgres URL (postgres://user@host:port/database?log=NAME)');
  }
  const log = url.searchParams.get('log') ?? '';
  if (!LOG_NAME.test(log)) throw new IncumbentError('invalid', `needs ?log=NAME naming the log in the database (letters, digits, . _ -, at most 100), e.g. postgres://${url.username || 'user'}@${url.host || 'host'}${url.pathname}?log=newsroom`, '--log');
  for (const key of url.searchParams.keys()) {
    if (!ALLOWED.has(key)) throw new IncumbentError('invalid', `unknown postgres URL parameter "${key}" (known: ${[...ALLOWED].join(', ')})`, '--log');
    // Only the first would count: a second log= would be dropped in silence, and the append go elsewhere.
    if (url.searchParams.getAll(key).length > 1) throw invalid(`gives the parameter "${key}" more than once`);
  }
  const user = shortName(decoded(url.username, 'user name') || process.env.PGUSER || userInfo().username, 'a user name');
  const host = url.hostname.replace(/^\[|\]$/g, '') || process.env.PGHOST || 'localhost';
  const port = Number(url.port || process.env.PGPORT || 5432);
  const database = shortName(decoded(url.pathname.slice(1), 'database name') || process.env.PGDATABASE || user, 'a database name');
  const sslmode = url.searchParams.get('sslmode');
  // Any other value was taken as verify-full; allow and prefer (fall back to plain text) pg cannot do.
  if (sslmode !== null && !SSL_MODES.has(sslmode)) throw invalid('has an sslmode this app does not know (disable, require, verify-ca or verify-full; allow and prefer, which fall back to no encryption, are not offered)');
  const connectWait = url.searchParams.get('connect_timeout') ?? '10';
  // As libpq: 0 waits for as long as it takes. Bounded so that Node's timer (at most 2^31 - 1 ms) holds it.
  if (!/^\d{1,6}$/.test(connectWait)) throw invalid('has connect_timeout that is not a whole number of seconds from 0 to 999999');
  const timeout = Number(connectWait);
  const lockWait = url.searchParams.get('lock_timeout') ?? String(LOCK_WAIT_S);
  if (!/^[1-9]\d{0,5}$/.test(lockWait)) throw invalid('has lock_timeout that is not a whole number of seconds from 1 to 999999');
  const config: ClientConfig = {
    host,
    port,
    user,
    database,
    // Without one here, pg reads PGPASSWORD or ~/.pgpass.
    ...(url.password ? { password: decoded(url.password, 'password') } : {}),
    ...(sslmode && sslmode !== 'disable' ? { ssl: sslmode === 'require' ? { rejectUnauthorized: false } : true } : {}),
    connectionTimeoutMillis: timeout * 1000,
    lock_timeout: Number(lockWait) * 1000,
    application_name: shortName(noNul(url.searchParams.get('application_name') ?? 'incumbent', 'application_name'), 'an application_name'),
    idle_in_transaction_session_timeout: idleInTransactionMs,
    // Lets this client notice a server that vanished (after the OS's keepalive idle time); the
    // server noticing a vanished client, which is what frees the lock, is the timeout above.
    keepAlive: true,
  };
  const server = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const display = `postgres://${encodeURIComponent(user)}@${server}/${encodeURIComponent(database)}?log=${log}`;
  const lockKey = BigInt.asIntN(64, BigInt(`0x${hash('sha256', `incumbent-log:${log}`).slice(0, 16)}`)).toString();
  return { log, display, server, config, lockKey };
}
