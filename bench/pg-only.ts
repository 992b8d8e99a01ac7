/**
 * Only the PostgreSQL figures, for one size: `BENCH_PG_ONLY=1000000 npm run bench:pg`. For a size
 * whose file-store figures are measured by `npm run bench` (a full 1M run takes long); the file
 * log's open is measured once here, as the baseline the PostgreSQL open is compared with.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EventLog } from '../src/store/event-log';
import { generateLog } from './generate';
import { benchPostgres, pgBenchSkipped, stopPostgres } from './postgres';

const size = Number(process.env.BENCH_PG_ONLY ?? 1_000_000);
const skipped = pgBenchSkipped();
if (skipped) {
  console.error(`PostgreSQL store not measured: ${skipped}`);
  process.exit(0);
}
const path = join(import.meta.dirname, '.logs', `synthetic-${size}.jsonl`);
if (!existsSync(path) || !existsSync(`${path}.head`)) await generateLog(path, size);
const rows: string[][] = [];
global.gc?.();
const start = performance.now();
(await EventLog.open(path, { readOnly: true })).close();
const fileOpen = performance.now() - start;
global.gc?.();
try {
  // Each row also goes to standard error as it is measured: a long run stopped early keeps what it measured.
  await benchPostgres(size, path, (n, measure, figure, baseline, ratio, target, met) => {
    rows.push([n.toLocaleString('en-US'), measure, figure, baseline, ratio, target, met ? 'yes' : 'NO']);
    console.error(`| ${rows.at(-1)!.join(' | ')} |`);
  }, fileOpen);
} finally {
  stopPostgres();
}
console.log(rows.map((r) => `| ${r.join(' | ')} |`).join('\n'));
