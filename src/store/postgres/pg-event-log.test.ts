/**
 * The PostgreSQL store against a real server (a throwaway cluster on 127.0.0.1): many writers in
 * many processes, a writer killed mid-transaction, the server stopped mid-append, the database's
 * own refusals, and live updates. Skipped, with the reason printed, where PostgreSQL cannot start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventRecord } from '../../core/event';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { PgEventLog } from './pg-event-log';
import { pgLogsForTests, statementDraft } from './pg-logs.test-support';
import { GENESIS_HASH, sha256 } from '../seal';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-event-log.test.ts', skipped);
afterAll(() => cluster?.destroy());

const CHILD = fileURLToPath(new URL('./append-child.test-support.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const { newLog, open, create } = pgLogsForTests(cluster, 'pg');
const draft = statementDraft;

/** The README's roles, verbatim, plus two people. */
const ROLES_SQL = `
CREATE ROLE incumbent_owner NOLOGIN;
ALTER TABLE incumbent_events OWNER TO incumbent_owner;
ALTER FUNCTION incumbent_events_refuse() OWNER TO incumbent_owner;
ALTER FUNCTION incumbent_events_chain() OWNER TO incumbent_owner;
CREATE ROLE incumbent_reader NOLOGIN;
CREATE ROLE incumbent_writer NOLOGIN;
GRANT USAGE ON SCHEMA public TO incumbent_reader, incumbent_writer;
GRANT SELECT ON incumbent_events TO incumbent_reader;
GRANT SELECT, INSERT ON incumbent_events TO incumbent_writer;
GRANT EXECUTE ON FUNCTION pg_advisory_xact_lock(bigint), pg_try_advisory_xact_lock(bigint), pg_notify(text, text) TO incumbent_writer;
CREATE ROLE alice LOGIN IN ROLE incumbent_writer;
CREATE ROLE bob LOGIN IN ROLE incumbent_reader;
`;

const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: cluster!.url('x').replace(/\?.*/, '') });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
};

const runChild = (url: string, prefix: string, count: number) => {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, prefix, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<string>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`child ${prefix} exited ${code}: ${out}`)))));
  return { child, exited, output: () => out };
};

/** Every record in order, the chain from genesis, and the lines as stored. */
const expectIntact = (log: PgEventLog) => {
  const records = [...log.ledger.records()];
  records.forEach((r: EventRecord, i) => {
    expect(r.seq).toBe(i + 1);
    expect(r.prevhash).toBe(i === 0 ? GENESIS_HASH : log.hashOf(i));
  });
};

describe.skipIf(!cluster)(`PgEventLog on a real PostgreSQL${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('8 processes appending 500 events each at once: 4,000 events, gapless, chained, none lost or doubled', { timeout: 240_000 }, async () => {
    const url = newLog();
    await create(url);
    const writers = Array.from({ length: 8 }, (_, w) => runChild(url, `w${w}`, 500));
    await Promise.all(writers.map((w) => w.exited));
    const log = await open(url, {});
    expect(log.ledger.head).toBe(4001);
    expectIntact(log);
    const ids = [...log.ledger.records()].slice(1).map((r) => r.id);
    expect(new Set(ids).size).toBe(4000);
    for (let w = 0; w < 8; w++) expect(ids.filter((id) => id.startsWith(`w${w}-`)).map((id) => Number(id.split('-')[1]))).toEqual(Array.from({ length: 500 }, (_, i) => i));
    const [{ count }] = (await sql<{ count: string }>('SELECT count(*) FROM incumbent_events WHERE log = $1', [url.split('log=')[1]])) as [{ count: string }];
    expect(Number(count)).toBe(4001);
  });

  it('a writer killed (SIGKILL) mid-transaction leaves nothing behind, and the next writer goes on', { timeout: 60_000 }, async () => {
    const url = newLog();
    const name = url.split('log=')[1]!;
    await create(url);
    const writer = runChild(url, 'k', 0);
    // Wait until it has committed a batch and is inside another transaction (holding the log's lock).
    for (;;) {
      const busy = await sql("SELECT 1 FROM pg_stat_activity WHERE application_name = 'incumbent' AND state IN ('active', 'idle in transaction') AND xact_start IS NOT NULL");
      if (writer.output().includes('batch') && busy.length > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    writer.child.kill('SIGKILL');
    await writer.exited.catch(() => undefined);
    const log = await open(url, {});
    expectIntact(log);
    expect((log.ledger.head - 1) % 200).toBe(0);
    const [{ count }] = (await sql<{ count: string }>('SELECT count(*) FROM incumbent_events WHERE log = $1', [name])) as [{ count: string }];
    expect(Number(count)).toBe(log.ledger.head);
    const { appended } = await log.append([draft('after')]);
    expect(appended[0]!.seq).toBe(log.ledger.head);
  });

  it('the server stopped mid-append: a clear io error naming the server, nothing partial; after a restart the store reconnects, catches up and appends', { timeout: 60_000 }, async () => {
    const url = newLog();
    const log = await open(url);
    const other = await open(url, {});
    // Hold the log's lock from another session, so the append waits inside its transaction.
    const blocker = new pg.Client({ connectionString: url.replace(/\?.*/, '') });
    blocker.on('error', () => undefined);
    await blocker.connect();
    await blocker.query('BEGIN');
    const { parsePgUrl } = await import('./pg-url');
    await blocker.query('SELECT pg_advisory_xact_lock($1)', [parsePgUrl(url).lockKey]);
    const pending = log.append([draft('a'), draft('b')]);
    await new Promise((r) => setTimeout(r, 300));
    cluster!.stop();
    await expect(pending).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(new RegExp(`PostgreSQL server at 127\\.0\\.0\\.1:${cluster!.port}.*nothing was written`)) });
    await expect(log.append([draft('c')])).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/127\.0\.0\.1/) });
    cluster!.start();
    await other.append([draft('from-other')]);
    const { appended } = await log.append([draft('a'), draft('b')]);
    expect(appended.map((r) => [r.id, r.seq])).toEqual([['a', 3], ['b', 4]]);
    expect([...log.ledger.records()].map((r) => r.id).slice(1)).toEqual(['from-other', 'a', 'b']);
    expectIntact(log);
    await blocker.end().catch(() => undefined);
  });

  it('the table refuses UPDATE, DELETE and TRUNCATE, and a line that breaks the chain, whoever sends it', async () => {
    const url = newLog();
    const log = await open(url);
    await log.append([draft('a')]);
    const name = url.split('log=')[1]!;
    await expect(sql("UPDATE incumbent_events SET line = replace(line, 'a', 'b') WHERE log = $1", [name])).rejects.toThrow(/append-only: UPDATE is refused/);
    await expect(sql('DELETE FROM incumbent_events WHERE log = $1', [name])).rejects.toThrow(/append-only: DELETE is refused/);
    await expect(sql('TRUNCATE incumbent_events')).rejects.toThrow(/append-only: TRUNCATE is refused/);
    const forged = JSON.stringify({ ...log.ledger.record(2), id: 'forged', seq: 3, prevhash: GENESIS_HASH });
    await expect(sql('INSERT INTO incumbent_events (log, seq, id, line) VALUES ($1, 3, $2, $3)', [name, 'forged', forged])).rejects.toThrow(/prevhash of seq 3/);
    await expect(sql('INSERT INTO incumbent_events (log, seq, id, line) VALUES ($1, 5, $2, $3)', [name, 'gap', forged.replace('"seq":3', '"seq":5').replace('"forged"', '"gap"')])).rejects.toThrow(/does not follow/);
    const good = JSON.stringify({ ...log.ledger.record(2), id: 'hand', seq: 3, prevhash: sha256(JSON.stringify(log.ledger.record(2))) });
    await sql('INSERT INTO incumbent_events (log, seq, id, line) VALUES ($1, 3, $2, $3)', [name, 'hand', good]);
    expect((await open(url, {})).ledger.head).toBe(3);
  });

  it('a live log learns of another process’s append within a second, through NOTIFY', async () => {
    const url = newLog();
    const writer = await open(url);
    const watcher = await open(url, { live: true });
    const arrived = new Promise<number>((resolve) => watcher.onAppended((records) => resolve(records.at(-1)!.seq)));
    const start = Date.now();
    await writer.append([draft('news')]);
    expect(await arrived).toBe(2);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(watcher.ledger.byId('news')).toBeDefined();
  });

  it('the two roles of the README: a writer appends, a reader reads and listens but cannot write', async () => {
    const url = newLog();
    await create(url);
    await sql(ROLES_SQL);
    const as = (role: string) => url.replace('incumbent@', `${role}@`);
    const writer = await open(as('alice'), {});
    expect((await writer.append([draft('by-alice')])).appended).toHaveLength(1);
    const reader = await open(as('bob'), { readOnly: true, live: true });
    expect(reader.ledger.head).toBe(2);
    const heard = new Promise((resolve) => reader.onAppended(resolve));
    await writer.append([draft('heard-by-bob')]);
    await heard;
    const bobWrites = await open(as('bob'), {});
    await expect(bobWrites.append([draft('by-bob')])).rejects.toMatchObject({ message: expect.stringMatching(/permission denied for table incumbent_events/) });
    await expect(sql(`SET ROLE alice; UPDATE incumbent_events SET line = line`)).rejects.toThrow(/permission denied|append-only/);
  });

  it('never shows or keeps the password of the URL it was given', async () => {
    const url = newLog().replace('incumbent@', 'incumbent:s3cret-pw@');
    const log = await open(url);
    expect(log.path).not.toContain('s3cret');
    expect(JSON.stringify(log)).not.toContain('s3cret');
    await expect(PgEventLog.open(url.replace(/:\d+\//, ':1/'), { readOnly: true })).rejects.toMatchObject({ code: 'io', message: expect.not.stringContaining('s3cret') });
  });
});
