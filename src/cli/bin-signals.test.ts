/** `incumbent` stopped in the middle of an append, by a signal or outright: nothing of the batch stays, and the log takes the next one. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
const quiet = { out: () => undefined, err: () => undefined, readStdin: async () => '' };
const records = (log: string) => readFileSync(log, 'utf8').trimEnd().split('\n').length;
/** Until the writer holds the log's lock: it is busy checking the batch, and its event loop does not turn until it would write. */
const locked = async (log: string) => {
  while (!existsSync(`${log}.lock`)) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A log and a batch whose append takes seconds: long enough to be stopped in the middle. */
async function bigAppend() {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-signals-'));
  const log = join(dir, 'log.jsonl');
  expect(await main(['init', '--log', log, '--title', 'Signals', '--company', 'acme'], quiet)).toBe(0);
  const citation = { document: 'Staff report', quote: 'Headcount as reported.' };
  const lines = Array.from({ length: 4_000 }, (_, i) => JSON.stringify({ id: `k-${i}`, type: 'workforce.reported', subject: 'acme', time: '2024-03-01T00:00:00Z', data: { certainty: 'confirmed', citation, headcount: i + 1 } }));
  writeFileSync(join(dir, 'big.jsonl'), `${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'one.jsonl'), `${lines[0]!.replace('k-0', 'after')}\n`);
  return { log, big: join(dir, 'big.jsonl'), one: join(dir, 'one.jsonl') };
}

describe.skipIf(!existsSync('/proc/self/task'))('incumbent stopped during an append', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGKILL'] as const)('%s once it holds the lock: it ends, no record of the batch stays, and the log takes the next append', async (signal) => {
    const { log, big, one } = await bigAppend();
    const writer = spawn(process.execPath, [bin, 'append', '--log', log, big], { stdio: 'ignore' });
    await locked(log);
    writer.kill(signal);
    const [, ended] = (await once(writer, 'exit')) as [number | null, string | null];
    expect(ended).toBe(signal);
    // Stopped before its commit (a torn piece is set aside by the next append).
    expect(await main(['append', '--log', log, one], quiet)).toBe(0);
    expect(records(log)).toBe(2);
    expect(await main(['verify', '--log', log], quiet)).toBe(0);
  });
});
