/**
 * Writing verified lines into an empty PostgreSQL log, as one transaction (`incumbent copy`): the
 * lines keep their bytes, seqs and chain; the table's chain trigger checks each as it goes in.
 */
import pg from 'pg';
import { IncumbentError } from '../../core/errors';
import { pgError } from './pg-errors';
import { parsePgUrl } from './pg-url';
import { CHANNEL, ensureSchema, TABLE } from './schema';

const CHUNK = 5_000;

export async function importLines(location: string, lines: Iterable<{ seq: number; id: string; line: string }>): Promise<number> {
  const target = parsePgUrl(location);
  const client = new pg.Client(target.config);
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
    let chunk: { seq: number; id: string; line: string }[] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      await client.query(`INSERT INTO ${TABLE} (log, seq, id, line) SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[])`, [target.log, chunk.map((r) => r.seq), chunk.map((r) => r.id), chunk.map((r) => r.line)]);
      count += chunk.length;
      chunk = [];
    };
    for (const row of lines) {
      chunk.push(row);
      if (chunk.length === CHUNK) await flush();
    }
    await flush();
    await client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ log: target.log, head: count })]);
    committing = true;
    await client.query('COMMIT');
    return count;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw pgError(error, target.server, `copy into log "${target.log}"`, committing);
  } finally {
    await client.end().catch(() => undefined);
  }
}
