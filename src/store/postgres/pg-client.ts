/**
 * A new client of the `pg` driver for a log's server, unconnected. The driver is loaded at the first
 * use (pg-driver.ts); one that does not load is the store's error, naming the server and the log.
 */
import type { Client } from 'pg';
import { pgDriver } from './pg-driver';
import { pgError } from './pg-errors';
import type { PgTarget } from './pg-url';

export async function newPgClient(target: PgTarget): Promise<Client> {
  const driver = await pgDriver().catch((error: unknown) => {
    throw pgError(error, target.server, `load the PostgreSQL driver (pg) for log "${target.log}"`);
  });
  return new driver.Client(target.config);
}
