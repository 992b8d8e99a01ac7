/** `incumbent` runs its command in a second Node (for V8's flags): the two must live and die as one. */
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
/** Alive and not a zombie left to a parent that does not reap. */
const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
const childOf = async (pid: number): Promise<number> => {
  for (;;) {
    const [child] = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean);
    if (child) return Number(child);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
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

describe.skipIf(!existsSync('/proc/self/task'))('incumbent and the Node it starts', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s reaches the writer: both end, and the log takes the next append', async (signal) => {
    const { log, big, one } = await bigAppend();
    const wrapper = spawn(process.execPath, [bin, 'append', '--log', log, big], { stdio: 'ignore' });
    const writer = await childOf(wrapper.pid!);
    wrapper.kill(signal);
    const [, ended] = (await once(wrapper, 'exit')) as [number | null, string | null];
    expect(ended).toBe(signal);
    expect(alive(writer)).toBe(false);
    expect(await main(['append', '--log', log, one], quiet)).toBe(0);
    expect(await main(['verify', '--log', log], quiet)).toBe(0);
  });

  it.each([
    ['as it starts', async () => undefined],
    // Holding the lock, busy checking the batch: its event loop does not turn until it would write.
    ['once it holds the lock', async (log: string) => {
      while (!existsSync(`${log}.lock`)) await new Promise((resolve) => setTimeout(resolve, 5));
    }],
  ])('killed outright (SIGKILL) %s, its writer stops too instead of writing the batch later', async (_when, until) => {
    const { log, big, one } = await bigAppend();
    const wrapper = spawn(process.execPath, [bin, 'append', '--log', log, big], { stdio: 'ignore' });
    const writer = await childOf(wrapper.pid!);
    await until(log);
    wrapper.kill('SIGKILL');
    await once(wrapper, 'exit');
    while (alive(writer)) await new Promise((resolve) => setTimeout(resolve, 10));
    // Nothing of the batch stays: stopped before its commit (a torn piece is set aside by the next append).
    expect(await main(['append', '--log', log, one], quiet)).toBe(0);
    expect(records(log)).toBe(2);
    expect(await main(['verify', '--log', log], quiet)).toBe(0);
  });
});
