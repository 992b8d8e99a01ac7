/**
 * A benchmark writer in its own process: `pg-writer.ts URL PREFIX COUNT PAUSE_MS` opens the log,
 * prints "ready", waits for a line on standard input (so that several writers start appending
 * together, not while others still load), appends COUNT single events and prints one JSON line: each append's duration, and the wall-clock time (ms)
 * at which each one returned, keyed by seq (for the NOTIFY latency measure).
 */
import { parseDraft } from '../src/core/validate';
import { PgEventLog } from '../src/store/postgres/pg-event-log';

const [url, prefix, count, pause] = process.argv.slice(2) as [string, string, string, string];
const wall = () => performance.timeOrigin + performance.now();
const log = await PgEventLog.open(url);
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.pause();
const began = wall();
const durations: number[] = [];
const committed: [number, number][] = [];
for (let i = 0; i < Number(count); i++) {
  const draft = parseDraft({ id: `${prefix}-${i}-${Date.now()}`, type: 'statement.made', subject: 'company-0', time: new Date().toISOString(), data: { certainty: 'confirmed', citation: { document: 'bench', quote: 'A durable append.' }, person: { id: 'bench', name: 'Bench' }, text: 'commit me' } });
  const start = performance.now();
  const { appended } = await log.append([draft]);
  durations.push(performance.now() - start);
  committed.push([appended[0]!.seq, wall()]);
  if (Number(pause) > 0) await new Promise((r) => setTimeout(r, Number(pause)));
}
await log.close();
process.stdout.write(`${JSON.stringify({ durations, committed, began, ended: wall() })}\n`);
