/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temporary folder, start
 * on a free port on 127.0.0.1 only, stop and delete it afterwards. As root the server runs as the
 * `postgres` user (or `nobody`), because PostgreSQL refuses to run as root.
 *
 * `pgUnavailable()` says why a cluster cannot be started here (no binaries), so suites can skip
 * with that reason instead of failing on a machine without PostgreSQL.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = (() => {
  const root = '/usr/lib/postgresql';
  if (process.env.INCUMBENT_PG_BIN) return process.env.INCUMBENT_PG_BIN;
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
})();

/** Why no cluster can be started on this machine, or undefined when one can. */
export function pgUnavailable(): string | undefined {
  if (process.env.INCUMBENT_PG_SKIP) return 'INCUMBENT_PG_SKIP is set';
  if (!bin) return 'PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb; apt-get install postgresql, or set INCUMBENT_PG_BIN)';
  return undefined;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The unprivileged account the server runs as when we are root. */
const serverUser = (): string | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) if (spawnSync('id', ['-u', user]).status === 0) return user;
  throw new Error('running as root and neither a postgres nor a nobody user exists to run the server');
};

export interface Cluster {
  /** A connection URL for log NAME (no password: the cluster trusts loopback). */
  url(log: string): string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

export interface ClusterOptions {
  /** Off for tests (speed); benchmarks keep PostgreSQL's default, durable commits. */
  fsync?: boolean;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const why = pgUnavailable();
  if (why) throw new Error(why);
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-pg-'));
  const data = join(dir, 'data');
  const user = serverUser();
  const run = (tool: string, args: string[]) => {
    const command = user ? 'runuser' : join(bin!, tool);
    const argv = user ? ['-u', user, '--', join(bin!, tool), ...args] : args;
    return execFileSync(command, argv, { stdio: 'pipe', cwd: dir, timeout: 120_000 });
  };
  // The folder (data and socket) belongs to the server's user alone.
  if (user) chownSync(dir, Number(execFileSync('id', ['-u', user]).toString()), Number(execFileSync('id', ['-g', user]).toString()));
  run('initdb', ['-D', data, '-U', 'incumbent', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${dir}`, `-c fsync=${options.fsync === false ? 'off' : 'on'}`, '-c max_connections=60'];
  if (options.fsync === false) settings.push('-c synchronous_commit=off', '-c full_page_writes=off');
  const start = () => void run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '30', 'start']);
  const stop = () => void run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let running = true;
  return {
    port,
    url: (log) => `postgres://incumbent@127.0.0.1:${port}/postgres?log=${encodeURIComponent(log)}`,
    start: () => {
      start();
      running = true;
    },
    stop: () => {
      stop();
      running = false;
    },
    destroy: () => {
      if (running) stop();
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * For a test file: a started cluster, or why there is none. Suites `describe.skipIf(!cluster)`
 * and name the reason, so a machine without PostgreSQL passes and says what it skipped.
 */
export async function clusterForTests(): Promise<{ cluster?: Cluster; skipped?: string }> {
  const why = pgUnavailable();
  if (why) return { skipped: why };
  try {
    return { cluster: await startCluster({ fsync: false }) };
  } catch (error) {
    return { skipped: `PostgreSQL could not start here: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Prints why PostgreSQL suites were skipped (vitest shows the suite as skipped; this says why). */
export function sayWhySkipped(suite: string, skipped: string | undefined): void {
  if (skipped) console.warn(`SKIPPED ${suite}: ${skipped}`);
}
