/**
 * The table every shared log lives in, and the rules the database itself enforces on it:
 * - rows are never changed or removed (UPDATE, DELETE and TRUNCATE raise an exception), so no
 *   client, whatever its grants, rewrites history through this table (short of owning the table or
 *   its functions, which lets it disable or replace the triggers: the README's roles hand them to a
 *   role nobody logs in as);
 * - each row's `line` is the sealed record, byte for byte as a file log holds it; its seq and id
 *   must match the row's, its seq must follow the log's last record, and its prevhash must be the
 *   SHA-256 of the previous line (kept in `hash`, which the trigger computes): the chain holds even
 *   against a writer that skips the app. Readers still hash and check every line themselves.
 */
import type { ClientBase } from 'pg';
import { IncumbentError } from '../../core/errors';

export const TABLE = 'incumbent_events';
/** The NOTIFY channel: its payload is `{"log":NAME,"head":SEQ}` after each append commits. */
export const CHANNEL = 'incumbent_events';
/** Serialises schema creation between processes opening a new database at once. */
const SCHEMA_LOCK = '7310583249761120101';

/**
 * `table`: the table's name qualified by its schema. The chain trigger names it so: a bare name
 * would be resolved through the inserting session's search_path, where a temporary table of the
 * same name (any role may make one, and pg_temp is searched first) would hand the trigger whatever
 * "previous hash" its maker chose. Its functions are qualified by pg_catalog for the same reason.
 */
const ddl = (table: string) => `
CREATE TABLE ${table} (
  log  text   NOT NULL CHECK (log ~ '^[A-Za-z0-9._-]{1,100}$'),
  seq  bigint NOT NULL CHECK (seq >= 1),
  id   text   NOT NULL,
  line text   NOT NULL,
  -- SHA-256 of line, set by the chain trigger (so the next row's prevhash is checked without rehashing).
  hash bytea  NOT NULL,
  PRIMARY KEY (log, seq),
  UNIQUE (log, id)
);
COMMENT ON TABLE ${table} IS 'Incumbent event logs (append-only; one sealed JSON line per record). Schema 1.';

CREATE FUNCTION incumbent_events_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '${TABLE} is append-only: % is refused (history is never rewritten; append a correction instead)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER incumbent_events_no_update BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION incumbent_events_refuse();
CREATE TRIGGER incumbent_events_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION incumbent_events_refuse();

CREATE FUNCTION incumbent_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sealed record;
  previous bytea;
BEGIN
  -- json, not jsonb: jsonb refuses an escaped NUL, which a line may hold; json_to_record parses once.
  SELECT * INTO sealed FROM pg_catalog.json_to_record(NEW.line::json) AS x(seq bigint, id text, prevhash text);
  IF sealed.seq IS DISTINCT FROM NEW.seq OR sealed.id IS DISTINCT FROM NEW.id THEN
    RAISE EXCEPTION 'log %: the line of seq % does not carry that seq and id', NEW.log, NEW.seq USING ERRCODE = 'check_violation';
  END IF;
  -- Set here whatever the client sent: each line is hashed once, by the database.
  NEW.hash := pg_catalog.sha256(pg_catalog.convert_to(NEW.line, 'UTF8'));
  IF NEW.seq = 1 THEN
    previous := pg_catalog.decode(pg_catalog.repeat('0', 64), 'hex');
  ELSE
    SELECT hash INTO previous FROM ${table} WHERE log = NEW.log AND seq = NEW.seq - 1;
    IF previous IS NULL THEN
      RAISE EXCEPTION 'log %: seq % does not follow the last record (seqs are gapless)', NEW.log, NEW.seq USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF sealed.prevhash IS DISTINCT FROM pg_catalog.encode(previous, 'hex') THEN
    RAISE EXCEPTION 'log %: the prevhash of seq % is not the hash of seq %', NEW.log, NEW.seq, NEW.seq - 1 USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER incumbent_events_chain BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION incumbent_events_chain();
`;

/** True when the table exists (readers never create it). */
export async function hasSchema(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [TABLE]);
  return rows[0]?.found != null;
}

/** Creates the table and its triggers if they are missing; needs CREATE on the schema, once. */
export async function ensureSchema(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ server_encoding: string }>('SHOW server_encoding');
  if (rows[0]?.server_encoding !== 'UTF8') throw new IncumbentError('invalid', `the database's encoding is ${rows[0]?.server_encoding}, not UTF8: its text could not keep the log's lines byte for byte. Create the database with ENCODING 'UTF8'.`, '--log');
  if (await hasSchema(client)) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    const { rows: [where] } = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    // A $ could end the function bodies' $$ quoting, which the schema's name is written into.
    if (!where?.schema || where.schema.includes('$')) throw new IncumbentError('invalid', `has no schema to create the log table in ${where?.schema ? '(its name holds a $)' : '(the search_path names none that exists)'}`, '--log');
    if (!(await hasSchema(client))) {
      // One made in a schema this session's search_path does not reach (another role's "$user"
      // schema): a second table would make this URL name a second log of the same name.
      const { rows: elsewhere } = await client.query<{ name: string }>(
        "SELECT n.nspname AS name FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = $1 AND c.relkind IN ('r', 'p') AND n.nspname !~ '^pg_(toast_)?temp_'",
        [TABLE],
      );
      if (elsewhere.length > 0) throw new IncumbentError('invalid', `finds no ${TABLE} on its search_path (${where.schema} first), but the database has ${elsewhere.map((e) => `"${e.name}".${TABLE}`).join(', ')}: making another would split the log in two. Give this role USAGE on that schema and put it on the role's search_path (ALTER ROLE ... SET search_path)`, '--log');
      await client.query(ddl(`${client.escapeIdentifier(where.schema)}.${TABLE}`));
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Throws for a log table whose `line` column was altered to another type (json, jsonb): the driver
 * hands such a column over parsed, and its intact records would be refused as "not valid JSON".
 */
export async function refuseLineType(client: ClientBase, log: string): Promise<never> {
  const { rows } = await client.query<{ type: string }>(`SELECT pg_typeof(line)::text AS type FROM ${TABLE} LIMIT 1`);
  const type = rows[0]?.type ?? 'unknown';
  // json keeps the text as it was given; jsonb (and others) rewrote it, so the chain's bytes are gone.
  const remedy = type === 'json' ? `change it back with ALTER TABLE ${TABLE} ALTER COLUMN line TYPE text` : 'that type did not keep the lines\' bytes: restore the table from a backup or a copy';
  throw new IncumbentError('damaged', `log "${log}": ${TABLE}.line is of type ${type}, not text (the table was altered), and a log's lines are read as text, byte for byte: ${remedy}`);
}
