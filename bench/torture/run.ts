/**
 * `npm run torture`: every reliability campaign at full size, then a table of area, tried, passed,
 * failed, and the first failures of each. Exits 1 if anything failed. TORTURE_SCALE=0.1 runs a
 * tenth of each campaign; TORTURE_ONLY=crash,locks runs some of them.
 */
import type { Campaign, Outcome } from './campaign';
import { crashCampaign } from './crash';
import { inputFuzzCampaign } from './input-fuzz';
import { ipcCampaign } from './ipc';
import { lockCampaign } from './locks';
import { powerLossCampaign } from './power-loss';
import { tamperCampaign } from './tamper';
import { webCampaign } from './web';

/** Full-size trials per campaign: what the README's table reports. */
const campaigns: Record<string, { run: Campaign; trials: number }> = {
  crash: { run: crashCampaign, trials: 60 },
  'power-loss': { run: powerLossCampaign, trials: 100_000 /* capped at every offset of the last batch */ },
  locks: { run: lockCampaign, trials: 200 },
  tamper: { run: tamperCampaign, trials: 2_000 },
  'input-fuzz': { run: inputFuzzCampaign, trials: 2_000 },
  ipc: { run: ipcCampaign, trials: 2_000 },
  web: { run: webCampaign, trials: 2_000 },
};

const scale = Number(process.env.TORTURE_SCALE ?? 1);
const only = process.env.TORTURE_ONLY?.split(',');
const outcomes: (Outcome & { seconds: number })[] = [];
for (const [name, { run, trials }] of Object.entries(campaigns)) {
  if (only && !only.includes(name)) continue;
  const started = performance.now();
  process.stderr.write(`${name}...`);
  const outcome = await run({ trials: Math.max(1, Math.round(trials * scale)), seed: Date.now() % 100_000 });
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(` ${outcome.passed}/${outcome.tried} in ${seconds.toFixed(1)} s\n`);
  outcomes.push({ ...outcome, seconds });
}

const rows = [['area', 'tried', 'passed', 'failed', 'seconds'], ...outcomes.map((o) => [o.area, String(o.tried), String(o.passed), String(o.failures.length), o.seconds.toFixed(1)])];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(rows[0]!));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const row of rows.slice(1)) console.log(line(row));
for (const o of outcomes.filter((o) => o.failures.length)) console.log(`\n${o.area}, first failures:\n${o.failures.slice(0, 5).join('\n')}`);
process.exitCode = outcomes.some((o) => o.failures.length) ? 1 : 0;
