/**
 * A new client of the `pg` driver for a log's server, unconnected. The driver is loaded at the first
 * use (pg-driver.ts); one that does not load is the store's error, naming the server and the log.
 */
import type { Client } from 'pg';
import { pgDriver } from './pg-driver';
import { pgError } from './pg-errors';
import type { PgTarget } from './pg-url';

const endings = new WeakMap<Client, unknown>();

/**
 * The error that ended `client`'s session while none of its queries awaited a reply (the server's
 * FATAL for a session idle too long inside its transaction, a reset): the queries after it fail
 * only as "not queryable", which says neither what happened nor whether anything was written.
 */
export const endingOf = (client: Client): unknown => endings.get(client);

export async function newPgClient(target: PgTarget): Promise<Client> {
  const driver = await pgDriver().catch((error: unknown) => {
    throw pgError(error, target.server, `load the PostgreSQL driver (pg) for log "${target.log}"`);
  });
  const client = new driver.Client(target.config);
  client.on('error', (error) => void (endings.has(client) || endings.set(client, error)));
  return client;
}
