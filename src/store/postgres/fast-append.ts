/**
 * An append in one round trip: one statement, which is its own transaction (no BEGIN), and which
 * inserts the batch only if
 * - it gets the log's advisory lock without waiting (`pg_try_advisory_xact_lock`, held until the
 *   statement commits): a writer on the locked path, or a copy, is never overtaken; and
 * - the seqs are free: seq is the primary key and the chain trigger checks each row follows the
 *   last one, so a batch decided against an old head fails (unique violation) and commits nothing.
 * So the batch commits only if nobody appended since the writer last read, which is exactly when a
 * decision made against what it read still holds. The NOTIFY goes out with the commit.
 *
 * Returns false when the lock was busy (nothing written); throws PostgreSQL's error otherwise.
 */
import type { ClientBase } from 'pg';
import type { Row } from './insert-rows';
import type { PgTarget } from './pg-url';
import { CHANNEL, TABLE } from './schema';
import { noticeText } from './append-notice';

/** Rows one fast statement takes (3 parameters each, with 4 more); larger batches take the locked path. */
export const FAST_ROWS = 1_000;

// The lock is a MATERIALIZED CTE joined by the INSERT's rows, so it is taken once, before any row.
const statement = (rows: number) => `WITH lock AS MATERIALIZED (SELECT pg_try_advisory_xact_lock($1::bigint) AS held),
ins AS (INSERT INTO ${TABLE} (log, seq, id, line) SELECT $2, v.seq, v.id, v.line FROM lock, (VALUES ${Array.from({ length: rows }, (_, k) => `($${3 * k + 5}::bigint, $${3 * k + 6}::text, $${3 * k + 7}::text)`).join(', ')}) AS v(seq, id, line) WHERE lock.held RETURNING 1)
SELECT lock.held, (SELECT count(*) FROM ins) AS inserted, CASE WHEN lock.held THEN pg_notify($3, $4) END AS notified FROM lock`;

const ONE = statement(1);

export async function fastAppend(client: ClientBase, target: Pick<PgTarget, 'log' | 'lockKey'>, rows: readonly Row[]): Promise<boolean> {
  if (rows.length === 0 || rows.length > FAST_ROWS) throw new RangeError(`fastAppend takes 1 to ${FAST_ROWS} rows`);
  const values: unknown[] = [target.lockKey, target.log, CHANNEL, noticeText(target.log, rows.at(-1)!.seq)];
  for (const row of rows) values.push(row.seq, row.id, row.line);
  // The single-event append (the common one) is prepared once per connection.
  const { rows: [result] } = await client.query<{ held: boolean }>(rows.length === 1 ? { name: 'incumbent-fast-append-1', text: ONE, values } : { text: statement(rows.length), values });
  // Held means every row went in: had any failed, the whole statement would have.
  return result?.held === true;
}
