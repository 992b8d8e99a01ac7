/**
 * One INSERT of many rows of one log: `VALUES ($1, $2, $3, $4), ($1, $5, $6, $7), ...`, each line
 * a bound parameter of its own. Measured faster than `unnest($2::text[], ...)` (about 1.5-2x at
 * 100k rows): a text array must be escaped whole by the client (every `"` of every JSON line) and
 * parsed whole by the server, where a parameter crosses as it is.
 */
import type { ClientBase } from 'pg';
import { TABLE } from './schema';

export interface Row {
  seq: number;
  id: string;
  line: string;
}

/** The rows of sealed records: each line as the file log would hold it. */
export const rowsOf = (sealed: readonly { record: { seq: number; id: string }; line: string }[]): Row[] => sealed.map(({ record, line }) => ({ seq: record.seq, id: record.id, line }));

/** Rows per statement: 3 parameters each keeps far under PostgreSQL's 65,535 parameters. */
export const ROWS_PER_INSERT = 1_000;

const statement = (rows: number) => `INSERT INTO ${TABLE} (log, seq, id, line) VALUES ${Array.from({ length: rows }, (_, k) => `($1, $${3 * k + 2}::bigint, $${3 * k + 3}, $${3 * k + 4})`).join(', ')}`;
const FULL = statement(ROWS_PER_INSERT);

/**
 * Inserts `rows` (at most ROWS_PER_INSERT) into log `log`. A full batch reuses one prepared
 * statement (parsed once per connection).
 */
export async function insertRows(client: ClientBase, log: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length > ROWS_PER_INSERT) throw new RangeError(`insertRows takes at most ${ROWS_PER_INSERT} rows`);
  const values: unknown[] = [log];
  for (const row of rows) values.push(row.seq, row.id, row.line);
  await client.query(rows.length === ROWS_PER_INSERT ? { name: 'incumbent-insert-full', text: FULL, values } : { text: statement(rows.length), values });
}
