/**
 * Writing verified lines into an empty PostgreSQL log, as one transaction (`incumbent copy`): the
 * lines keep their bytes, seqs and chain; the table's chain trigger checks each as it goes in.
 * Rows go in as multi-row INSERTs of ROWS_PER_INSERT (insert-rows.ts); nothing is visible to
 * anyone until the one COMMIT, and a failure anywhere leaves nothing.
 */
import { endingOf, newPgClient } from './pg-client';
import { IncumbentError } from '../../core/errors';
import { pgError } from './pg-errors';
import { parsePgUrl } from './pg-url';
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
    throw pgError(endingOf(client) ?? error, target.server, `copy into log "${target.log}"`, committing ? 'committing' : 'writing');
  } finally {
    await client.end().catch(() => undefined);
  }
}
