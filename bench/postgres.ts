/**
 * The PostgreSQL store beside the file store, on a throwaway local server with durable commits
 * (fsync and synchronous_commit on, as a team's server should run): copying a log in, opening it,
 * durable appends with one writer and with 8 writers in 8 processes, and how soon another process
 * hears of an append (NOTIFY). Skipped with the reason where PostgreSQL cannot start, or BENCH_PG=0.
 */
import { spawn } from 'node:child_process';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { parseDraft } from '../src/core/validate';
import { copyLog } from '../src/store/copy-log';
import { pgUnavailable, startCluster, type Cluster } from '../src/store/postgres/cluster.test-support';
import { PgEventLog } from '../src/store/postgres/pg-event-log';
import { parsePgUrl } from '../src/store/postgres/pg-url';
import { HEAVY_COMPANY } from './generate';

type Report = (size: number, measure: string, figure: string, baseline: string, ratio: string, target: string, met: boolean) => void;

const WRITER = fileURLToPath(new URL('./pg-writer.ts', import.meta.url));
const quantile = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0));
const pq = (samples: number[]) => `${ms(quantile(samples, 0.5))} / ${ms(quantile(samples, 0.99))} ms`;
const time = async (f: () => unknown) => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};
interface WriterResult {
  durations: number[];
  committed: [number, number][];
  began: number;
  ended: number;
}

/** Starts writers in their own processes; once all have opened the log, they append together. */
async function writers(url: string, count: number, appends: number, pauseMs: number): Promise<WriterResult[]> {
  const children = Array.from({ length: count }, (_, w) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, url, `w${w}-${Date.now()}`, String(appends), String(pauseMs)], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), out.startsWith('ready\n') && resolve())));
    const done = new Promise<WriterResult>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as WriterResult) : reject(new Error(`writer exited ${code}`)))));
    return { child, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.end('go\n');
  return Promise.all(children.map((c) => c.done));
}

/** The floor of any durable append on this server and disk: a one-row INSERT into a bare table, autocommitted (one round trip, one WAL flush). */
async function bareCommits(url: string, count: number): Promise<number[]> {
  const client = new pg.Client(parsePgUrl(url).config);
  await client.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS bench_bare_commit (n int)');
    const samples: number[] = [];
    for (let i = 0; i < count; i++) samples.push(await time(() => client.query('INSERT INTO bench_bare_commit VALUES ($1)', [i])));
    return samples;
  } finally {
    await client.end();
  }
}

let cluster: Cluster | undefined;

/** Why the PostgreSQL figures are not measured, or undefined when they are. */
export function pgBenchSkipped(): string | undefined {
  if (process.env.BENCH_PG === '0') return 'BENCH_PG=0';
  return pgUnavailable();
}

export async function benchPostgres(size: number, path: string, report: Report, fileOpenMs: number): Promise<void> {
  cluster ??= await startCluster({ fsync: true });
  const url = cluster.url(`bench-${size}-${Date.now()}`);

  const copy = await time(() => copyLog(path, url));
  report(size, 'PostgreSQL: copy a log file in (incumbent copy, one transaction)', `${ms(copy)} ms`, '', '', '(no target)', true);

  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    opens.push(await time(async () => (await PgEventLog.open(url, { readOnly: true })).close()));
  }
  const open = Math.min(...opens);
  report(size, 'PostgreSQL: open a log (read, verify chain, validate every record, index)', `${ms(open)} ms`, `${ms(fileOpenMs)} ms file log`, `${(open / fileOpenMs).toFixed(2)}x`, '(no target)', true);

  global.gc?.();
  const log = await PgEventLog.open(url);
  const single: number[] = [];
  for (let i = 0; i < 200; i++) {
    const draft = parseDraft({ id: `bench-pg-${i}-${Date.now()}`, type: 'statement.made', subject: HEAVY_COMPANY, time: new Date().toISOString(), data: { certainty: 'confirmed', citation: { document: 'bench', quote: 'A durable append.' }, person: { id: 'bench', name: 'Bench' }, text: 'commit me' } });
    single.push(await time(() => log.append([draft])));
  }
  const floor = await bareCommits(url, 200);
  report(size, 'PostgreSQL: one durable append (commit), one writer, p50 / p99', pq(single), `${pq(floor)} bare one-row INSERT commit`, '', 'p99 <= 10 ms', quantile(single, 0.99) <= 10);

  // 8 writers in 8 processes at once, 100 appends each: every append waits its turn for the log's lock.
  const results = await writers(url, 8, 100, 0);
  const wall = Math.max(...results.map((r) => r.ended)) - Math.min(...results.map((r) => r.began));
  const all = results.flatMap((r) => r.durations);
  report(size, 'PostgreSQL: one durable append, 8 writers in 8 processes at once, p50 / p99', pq(all), `${Math.round(800 / (wall / 1000))} appends/s overall`, '', '(no target)', true);

  // From an append returning in one process to the listener being called in another (NOTIFY, then catch-up).
  const heard = new Map<number, number>();
  const live = await PgEventLog.open(url, { live: true });
  // Every record of a delivery: one catch-up can bring several appends at once.
  live.onAppended((records) => {
    const now = performance.timeOrigin + performance.now();
    for (const record of records) heard.set(record.seq, now);
  });
  const [{ committed }] = (await writers(url, 1, 50, 20)) as [WriterResult];
  await new Promise((r) => setTimeout(r, 200));
  const delays = committed.filter(([seq]) => heard.has(seq)).map(([seq, at]) => heard.get(seq)! - at);
  report(size, `PostgreSQL: append in one process -> seen by a live reader in another (${delays.length}/50), p50 / p99`, pq(delays), '', '', 'p99 <= 1000 ms', delays.length === 50 && quantile(delays, 0.99) <= 1000);
  await live.close();
  await log.close();
}

export function stopPostgres(): void {
  cluster?.destroy();
  cluster = undefined;
}

