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
const ALLOWED = new Set(['log', 'sslmode', 'connect_timeout', 'application_name']);

export function parsePgUrl(location: string): PgTarget {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    throw new IncumbentError('invalid', 'is not a valid postgres URL (postgres://user@host:port/database?log=NAME)', '--log');
  }
  const log = url.searchParams.get('log') ?? '';
  if (!LOG_NAME.test(log)) throw new IncumbentError('invalid', `needs ?log=NAME naming the log in the database (letters, digits, . _ -, at most 100), e.g. postgres://${url.username || 'user'}@${url.host || 'host'}${url.pathname}?log=newsroom`, '--log');
  for (const key of url.searchParams.keys()) if (!ALLOWED.has(key)) throw new IncumbentError('invalid', `unknown postgres URL parameter "${key}" (known: ${[...ALLOWED].join(', ')})`, '--log');
  const user = decodeURIComponent(url.username) || process.env.PGUSER || userInfo().username;
  const host = url.hostname.replace(/^\[|\]$/g, '') || process.env.PGHOST || 'localhost';
  const port = Number(url.port || process.env.PGPORT || 5432);
  const database = decodeURIComponent(url.pathname.slice(1)) || process.env.PGDATABASE || user;
  const sslmode = url.searchParams.get('sslmode');
  const timeout = Number(url.searchParams.get('connect_timeout') ?? 10);
  const config: ClientConfig = {
    host,
    port,
    user,
    database,
    // Without one here, pg reads PGPASSWORD or ~/.pgpass.
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(sslmode && sslmode !== 'disable' ? { ssl: sslmode === 'require' ? { rejectUnauthorized: false } : true } : {}),
    connectionTimeoutMillis: timeout * 1000,
    application_name: url.searchParams.get('application_name') ?? 'incumbent',
    keepAlive: true,
  };
  const server = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const display = `postgres://${encodeURIComponent(user)}@${server}/${encodeURIComponent(database)}?log=${log}`;
  const lockKey = BigInt.asIntN(64, BigInt(`0x${hash('sha256', `incumbent-log:${log}`).slice(0, 16)}`)).toString();
  return { log, display, server, config, lockKey };
}
