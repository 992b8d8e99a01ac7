/**
 * Crash: a writer SIGKILLed at a random moment, often just as a large batch starts growing the
 * file. Afterwards every acknowledged batch must be there, and every batch all or nothing.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { verifyLog } from '../../src/cli/verify';
import { EventLog } from '../../src/store/event-log';
import { prng, runTrials, type Campaign } from './campaign';
import { buildLog, removeDir, tempDir } from './fixtures';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the writer until it has acknowledged a batch, then kills it at the chosen moment. */
async function killWriter(path: string, seed: number, random: () => number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (!out.includes('ack ') && Date.now() < deadline && child.exitCode === null) await sleep(2);
  if (!out.includes('ack ')) {
    child.kill('SIGKILL');
    throw new Error(`the writer never acknowledged a batch: ${err.slice(0, 500)}`);
  }
  if (random() < 0.5) {
    // As soon as the file grows again: most likely in the middle of writing a batch.
    const size = statSync(path).size;
    while (statSync(path).size === size && Date.now() < deadline) await sleep(0);
  } else await sleep(random() * 300);
  child.kill('SIGKILL');
  await exited;
  return out.split('\n').filter((line) => line.startsWith('ack ')).map((line) => line.slice(4));
}

export const crashCampaign: Campaign = async ({ trials, seed }) => {
  const dir = tempDir('crash');
  const random = prng(seed);
  try {
    return await runTrials('crash (SIGKILL mid-append)', trials, async (i) => {
      const path = await buildLog(dir, [3], `log-${i}.jsonl`);
      const acknowledged = await killWriter(path, seed * 1000 + i, random);
      const log = await EventLog.open(path);
      const counts = new Map<string, number>();
      for (const record of log.ledger.records()) {
        const batch = record.id.replace(/-\d+$/, '');
        if (batch.startsWith('s')) counts.set(batch, (counts.get(batch) ?? 0) + 1);
      }
      log.close();
      await verifyLog(path);
      const lost = acknowledged.filter((batch) => !counts.has(batch));
      if (lost.length) return `acknowledged batches lost: ${lost.join(', ')}`;
      const partial = [...counts].filter(([batch, count]) => count !== Number(/-n(\d+)$/.exec(batch)![1]));
      if (partial.length) return `partial batches kept: ${partial.map(([b, c]) => `${b} (${c})`).join(', ')}`;
      return undefined;
    });
  } finally {
    removeDir(dir);
  }
};
