/**
 * Writing verified lines into an empty PostgreSQL log, as one transaction (`incumbent copy`): the
 * lines keep their bytes, seqs and chain; the table's chain trigger checks each as it goes in.
 * Rows go in as multi-row INSERTs of ROWS_PER_INSERT (insert-rows.ts); nothing is visible to
 * anyone until the one COMMIT, and a failure anywhere leaves nothing.
 */
import { endingOf, newPgClient } from './pg-client';
import { IncumbentError } from '../../core/errors';
import { isConnectionLoss, pgError } from './pg-errors';
import { parsePgUrl, type PgTarget } from './pg-url';
import { insertRows, ROWS_PER_INSERT, type Row } from './insert-rows';
import { CHANNEL, ensureSchema, TABLE } from './schema';
import { noticeText } from './append-notice';

/** `idleInTransactionMs` is for tests (as in parsePgUrl), which cannot wait the production limit. */
export async function importLines(location: string, lines: Iterable<{ seq: number; id: string; line: string }>, idleInTransactionMs?: number): Promise<number> {
  const target = parsePgUrl(location, idleInTransactionMs);
  const client = await newPgClient(target);
  client.on('error', () => undefined);
  let committing = false;
  let count = 0;
  try {
    await client.connect();
    await ensureSchema(client);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [target.lockKey]);
    const { rows } = await client.query(`SELECT 1 FROM ${TABLE} WHERE log = $1 LIMIT 1`, [target.log]);
    if (rows.length > 0) throw new IncumbentError('conflict', `${target.display} already holds a log; copy never overwrites one (choose another ?log= name)`, 'TO');
    let chunk: Row[] = [];
    const flush = async () => {
      await insertRows(client, target.log, chunk);
      count += chunk.length;
      chunk = [];
    };
    for (const row of lines) {
      chunk.push(row);
      if (chunk.length === ROWS_PER_INSERT) await flush();
    }
    await flush();
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, noticeText(target.log, count)]);
    committing = true;
    await client.query('COMMIT');
    return count;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A session the server ended while no query awaited its reply (its idle limit inside this
    // transaction ran out while this process stalled) fails its next query only as "not queryable":
    // the error that ended it says what happened, and that nothing was written.
    throw copyFailure(endingOf(client) ?? error, target, committing, count);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * What a failed copy says. The server gone while committing leaves the copy there or not: an
 * append's advice (send the events again) does not fit a copy, which never writes into a log that
 * holds records, so it says how to tell which.
 */
export function copyFailure(error: unknown, target: PgTarget, committing: boolean, count: number): IncumbentError {
  if (!committing || !isConnectionLoss(error)) return pgError(error, target.server, `copy into log "${target.log}"`, committing ? 'committing' : 'writing');
  return new IncumbentError('io', `could not copy into log "${target.log}": the PostgreSQL server at ${target.server} did not answer while committing (${(error as Error).message}), so the ${count} records may or may not be in it. Once the server is back, \`incumbent verify --log ${target.display}\` tells: a log ending at #${count} holds the copy; where there is no log, copy again`);
}
