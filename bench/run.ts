/**
 * `npm run bench`: generates synthetic logs (100k and 1M events), then measures each figure beside
 * its baseline in the same run and prints a table. Targets are checked and reported, never asserted
 * in unit tests. Set BENCH_SIZES=100000 for a quick run. The PostgreSQL store is measured beside
 * the file store where a local server can be started (BENCH_PG=0 skips it; BENCH_PG_SIZES picks
 * its sizes, default 100000).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, fdatasyncSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { parseDraft } from '../src/core/validate';
import type { Ledger } from '../src/core/ledger';
import { EventLog } from '../src/store/event-log';
import { validateRecords } from '../src/store/integrity';
import { indexPath } from '../src/store/index-cache';
import { readLog } from '../src/store/read-log';
import { generateLog, HEAVY_COMPANY } from './generate';
import { benchPostgres, pgBenchSkipped, stopPostgres } from './postgres';

const DIR = join(import.meta.dirname, '.logs');
const BIN = join(import.meta.dirname, '..', 'bin', 'incumbent.js');
const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const rows: string[][] = [];

const quantile = (samples: number[], q: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
const ms = (value: number) => (value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0));
const time = async (f: () => unknown) => {
  const start = performance.now();
  await f();
  return performance.now() - start;
};
const report = (size: number, measure: string, figure: string, baseline: string, ratio: string, target: string, met: boolean | undefined) =>
  rows.push([size.toLocaleString('en-US'), measure, figure, baseline, ratio, target, met === undefined ? '' : met ? 'yes' : 'NO']);
/**
 * The ratio targets are the 1M log's (issue 10): on a smaller one a process's fixed costs (its
 * start, a first read) set the ratio. Below it the target is shown, not judged.
 */
const TARGET_EVENTS = 1_000_000;
type Target = [shown: string, met: boolean | undefined];
const atScale = (size: number, target: string, met: boolean): Target => (size >= TARGET_EVENTS ? [target, met] : [`(${target} at 1M)`, undefined]);
const NO_TARGET: Target = ['(no target)', true];

/**
 * Reads the file a few MiB at a time, splits lines and JSON.parses each: the floor any reader of
 * the same bytes pays, read as the log is. (Read whole into one buffer, as until the twelfth
 * session, the 1M log's 690 MiB took 0.5-1.3 s more to land in fresh memory on these machines,
 * more after an open in the same process: a slower baseline that flattered every ratio.)
 */
const bareParse = (path: string) => {
  const fd = openSync(path, 'r');
  let [buffer, filled, position, count] = [Buffer.allocUnsafe(8 << 20), 0, 0, 0];
  try {
    for (let read = -1; read !== 0; ) {
      if (filled === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
      read = readSync(fd, buffer, filled, buffer.length - filled, position);
      [position, filled] = [position + read, filled + read];
      let start = 0;
      for (let end = buffer.indexOf(10); end !== -1 && end < filled; start = end + 1, end = buffer.indexOf(10, start)) {
        JSON.parse(buffer.toString('utf8', start, end));
        count += 1;
      }
      filled = buffer.copy(buffer, 0, start, filled);
    }
  } finally {
    closeSync(fd);
  }
  return count;
};

/** The cost of durability itself on this disk: append one line and fdatasync, n times. */
function rawAppends(path: string, n: number): number[] {
  const fd = openSync(path, 'a');
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    writeSync(fd, `{"n":${i},"line":"a durable append of about one record's size"}\n`);
    fdatasyncSync(fd);
    samples.push(performance.now() - start);
  }
  closeSync(fd);
  rmSync(path, { force: true });
  return samples;
}

const draft = (n: number) =>
  parseDraft({
    id: `bench-append-${n}-${Date.now()}`,
    type: 'statement.made',
    subject: HEAVY_COMPANY,
    time: new Date().toISOString(),
    data: { certainty: 'confirmed', citation: { document: 'bench', quote: 'A durable append.' }, person: { id: 'bench', name: 'Bench' }, text: 'fsync me' },
  });

/** The queries' figures, from the ledger of the log opened: the timeline and its checkpoints are dropped with it. */
async function benchQueries(size: number, ledger: Ledger): Promise<{ first: number; last: number }> {
  // State at a random moment for the company with half the events, after checkpoints are built.
  const timeline = ledger.timeline(HEAVY_COMPANY)!;
  const times = timeline.times;
  const [first, last] = [times[0]!, times[times.length - 1]!];
  const head = ledger.head;
  const moment = (i: number) => first + ((i * 7919) % 1000) / 1000 * (last - first);
  // The reference first (the app never replays from the start), so that its garbage is not what the
  // questions below meet; nothing is collected by hand before them: they meet what the worker would.
  const slow: number[] = [];
  for (let i = 0; i < 30; i++) slow.push(await time(() => timeline.replayFromStart(moment(i), head)));
  // As in the page's worker: a first question builds the head's checkpoints up to it, and the idle
  // warm-up (`Timeline.warm`) then lists what a known-at question reads of them.
  const built = await time(() => timeline.stateAt(last, head));
  console.error(`  (the first query built the checkpoints in ${ms(built)} ms)`);
  const idle = await time(() => {
    while (!timeline.warm(64));
  });
  console.error(`  (the idle warm-up then listed the known-at aids in ${ms(idle)} ms)`);
  const fast: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const t = moment(i);
    const start = performance.now();
    timeline.stateAt(t, head);
    fast.push(performance.now() - start);
  }
  const [p50, p99, s50, s99] = [quantile(fast, 0.5), quantile(fast, 0.99), quantile(slow, 0.5), quantile(slow, 0.99)];
  report(size, `state at a random moment, one company (${timeline.length.toLocaleString('en-US')} events), p50 / p99`, `${ms(p50)} / ${ms(p99)} ms`, `${ms(s50)} / ${ms(s99)} ms replay from start`, `${(s50 / p50).toFixed(0)}x`, size >= TARGET_EVENTS ? 'p99 <= 2 ms, >= 500x' : 'p99 <= 2 ms (>= 500x at 1M)', p99 <= 2 && (size < TARGET_EVENTS || s50 / p50 >= 500));

  // Known-at: each question at a new recorded time R (1,000 distinct), so some checkpoints are
  // unusable and the reader's state is patched from the head's. Every question counts, the first
  // ones too (before the optimising compiler has compiled the patching, 60-120 ms for a heavy one),
  // and any collection of the old generation that lands among them: 1,000, so that the p99 (their
  // tenth slowest) is not set by one such pause landing or not, and the slowest and the count over
  // the target beside it.
  const known = Array.from({ length: 1000 }, (_, i) => {
    const start = performance.now();
    timeline.stateAt(moment(i), Math.floor((((i * 104729) % 1000) / 1000) * head));
    return performance.now() - start;
  });
  const [k50, k99, kMax, over] = [quantile(known, 0.5), quantile(known, 0.99), Math.max(...known), known.filter((k) => k > 50).length];
  console.error(`  (the first 20 known-at questions took up to ${ms(Math.max(...known.slice(0, 20)))} ms)`);
  report(size, 'state at a random moment as known at a new random R each time (1,000 from the first), p50 / p99; slowest; over 50 ms', `${ms(k50)} / ${ms(k99)} ms; ${ms(kMax)} ms; ${over}`, '', '', 'p99 <= 50 ms', k99 <= 50);

  // One reader with the known-at control held at a recorded time mid-log: jumping to random
  // moments, then stepping event by event from random places (what the keyboard does).
  const fixed: number[] = [];
  const steps: number[] = [];
  const r = Math.floor(head * 0.4);
  for (let i = 0; i < 1000; i++) {
    const start = performance.now();
    timeline.stateAt(moment(i), r);
    fixed.push(performance.now() - start);
  }
  for (let walk = 0; walk < 20; walk++) {
    for (let position = timeline.countUntil(moment(walk + 500)), k = 0; k < 50 && position < times.length; k++, position++) {
      const start = performance.now();
      timeline.stateAt(times[position]!, r);
      steps.push(performance.now() - start);
    }
  }
  report(size, 'state at a random moment as known at one fixed R, p50 / p99', `${ms(quantile(fixed, 0.5))} / ${ms(quantile(fixed, 0.99))} ms`, '', '', '(no target)', true);
  report(size, 'stepping event by event as known at that R (20 walks of 50 steps), p50 / p99', `${ms(quantile(steps, 0.5))} / ${ms(quantile(steps, 0.99))} ms`, '', '', '(no target)', true);

  return { first, last };
}

async function benchSize(size: number) {
  const path = join(DIR, `synthetic-${size}.jsonl`);
  if (!existsSync(path) || !existsSync(`${path}.head`)) {
    const took = await time(() => generateLog(path, size));
    console.error(`generated ${path} (${(statSync(path).size / 2 ** 20).toFixed(0)} MiB) in ${ms(took)} ms`);
  }
  rmSync(`${path}.lock`, { force: true });

  // Opening: read, parse, verify the chain, index; against a bare JSON.parse of each line.
  const opens: number[] = [];
  const parses: number[] = [];
  let log: EventLog | undefined;
  for (let i = 0; i < 3; i++) {
    // Drop the previous open log first: two million-event ledgers in one heap would measure the GC.
    log?.close();
    log = undefined;
    global.gc?.();
    parses.push(await time(() => bareParse(path)));
    global.gc?.();
    // A first open: no index stored beside the log (each open stores one, in the background).
    rmSync(indexPath(path), { force: true });
    opens.push(await time(async () => (log = await EventLog.open(path))));
    await log!.indexStored;
  }
  const [open, parse] = [Math.min(...opens), Math.min(...parses)];
  // Opening it again, unchanged: from the index the last open stored.
  const reopens: number[] = [];
  for (let i = 0; i < 3; i++) {
    log?.close();
    log = undefined;
    global.gc?.();
    reopens.push(await time(async () => (log = await EventLog.open(path))));
  }
  const reopen = Math.min(...reopens);
  if (!pgSkipped && pgSizes.includes(size)) {
    // Before the appends below change the file: the PostgreSQL copy starts from the generated log.
    log?.close();
    log = undefined;
    global.gc?.();
    await benchPostgres(size, path, report, open);
    log = await EventLog.open(path);
  }
  report(size, 'open a log (read, parse, verify chain, index)', `${ms(open)} ms`, `${ms(parse)} ms bare JSON.parse`, `${(open / parse).toFixed(2)}x`, ...atScale(size, '<= 1.5x', open / parse <= 1.5));
  report(size, 'open it again, unchanged (hash its bytes, load the index stored beside it)', `${ms(reopen)} ms`, `${ms(open)} ms first open`, `${(reopen / open).toFixed(2)}x`, ...atScale(size, '<= 0.25x', reopen / open <= 0.25));

  // One durable append (write + fdatasync), repeated, on the freshly opened log: in the app the
  // process that owns the log appends, while scrubbing replays in the renderer's worker. Beside
  // it, the floor: one line written and fdatasynced to a scratch file on the same disk.
  global.gc?.();
  const appends: number[] = [];
  for (let i = 0; i < 200; i++) appends.push(await time(() => log!.append([draft(i)])));
  const raw = rawAppends(join(DIR, 'scratch.jsonl'), 200);
  let baseline = `${ms(quantile(raw, 0.5))} / ${ms(quantile(raw, 0.99))} ms raw write+fdatasync`;

  const { first, last } = await benchQueries(size, log!.ledger);
  log!.close();
  log = undefined;
  let lowdbP99 = NaN;
  if (size <= 100_000) {
    // lowdb's JSONFile rewrites the whole document on every write: the cost our adapter avoids.
    const records = readFileSync(path, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    const file = join(DIR, `lowdb-${size}.json`);
    const db = new Low(new JSONFile<{ events: unknown[] }>(file), { events: records });
    const writes: number[] = [];
    for (let i = 0; i < 10; i++) {
      db.data.events.push(draft(i));
      writes.push(await time(() => db.write()));
    }
    rmSync(file, { force: true });
    lowdbP99 = quantile(writes, 0.99);
    baseline += `; ${ms(quantile(writes, 0.5))} / ${ms(lowdbP99)} ms lowdb JSONFile`;
  }
  const a99 = quantile(appends, 0.99);
  report(size, 'one durable append (fsync), p50 / p99', `${ms(quantile(appends, 0.5))} / ${ms(a99)} ms`, baseline, Number.isNaN(lowdbP99) ? '' : `${(lowdbP99 / a99).toFixed(0)}x`, 'p99 <= 10 ms', a99 <= 10);
  // Checking every record, as opening a log without an anchor does (verify checks them as it reads).
  // Its million records are let go before the CLI's runs: the bare parses beside them run in this process.
  const validation = await readLog(path, { keepRecords: true }).then(({ ledger }) => time(() => validateRecords(ledger)));
  report(size, 'validate every record (no anchor, or verify)', `${ms(validation)} ms`, `${ms(parse)} ms bare JSON.parse`, `${(validation / parse).toFixed(2)}x`, '(no target)', true);
  // The CLI as a user runs it (`incumbent`: the file itself), reading the whole log. The
  // fastest of three runs, beside the fastest of three bare parses made just before them: over a
  // run of many minutes this machine's speed drifts, and a baseline from minutes earlier misleads.
  const cli = async (...args: string[]) => {
    const [runs, parses] = [[] as number[], [] as number[]];
    for (let i = 0; i < 3; i++) {
      global.gc?.();
      parses.push(await time(() => bareParse(path)));
      runs.push(
        await time(() => {
          const run = spawnSync(BIN, [...args, '--log', path], { encoding: 'utf8', maxBuffer: 1 << 30 });
          if (run.status !== 0) throw new Error(`incumbent ${args[0]} exited ${run.status}: ${run.stderr}`);
        }),
      );
    }
    return { figure: Math.min(...runs), parse: Math.min(...parses) };
  };
  const cliRow = (measure: string, { figure, parse }: { figure: number; parse: number }, target: number | undefined) =>
    report(size, measure, `${ms(figure)} ms`, `${ms(parse)} ms bare JSON.parse (beside it)`, `${(figure / parse).toFixed(2)}x`, ...(target ? atScale(size, `<= ${target}x`, figure / parse <= target) : NO_TARGET));
  const mid = new Date((first + last) / 2).toISOString();
  const snapshotCli = () => cli('snapshot', '--company', HEAVY_COMPANY, '--at', mid, '--out', join(DIR, 'snapshot.json'));
  const indexed = await snapshotCli();
  const index = readFileSync(indexPath(path));
  rmSync(indexPath(path));
  const snapshot = await snapshotCli();
  writeFileSync(indexPath(path), index);
  rmSync(join(DIR, 'snapshot.json'), { force: true });
  cliRow('CLI `snapshot`, cold (a new process), no index beside the log', snapshot, 2);
  cliRow('CLI `snapshot`, cold, with the index the app stored (200 records appended since)', indexed, 2);
  const verifyIndexed = await cli('verify');
  rmSync(indexPath(path));
  const verify = await cli('verify');
  cliRow('CLI `verify` (chain, every record, head anchor), no index beside the log', verify, 3);
  cliRow('CLI `verify` with the index beside the log (also compares it with what the log gives)', verifyIndexed, undefined);
  // Appends changed the log; regenerate it next time.
  rmSync(path, { force: true });
  rmSync(`${path}.head`, { force: true });
  rmSync(indexPath(path), { force: true });
}

const pgSkipped = pgBenchSkipped();
const pgSizes = (process.env.BENCH_PG_SIZES ?? '100000').split(',').map(Number);
if (pgSkipped) console.error(`PostgreSQL store not measured: ${pgSkipped}`);
mkdirSync(DIR, { recursive: true });
try {
  for (const size of sizes) await benchSize(size);
} finally {
  stopPostgres();
}
const header = ['events', 'measure', 'figure', 'baseline (same run)', 'ratio', 'target', 'met'];
console.log([header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));
