/** `incumbent` stopped in the middle of an append or an init, by a signal or outright: nothing of the batch stays, and the log takes the next one. */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
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

/**
 * `init` makes the log file, then its anchor (synced into the folder), then writes log.created, then
 * the anchor's first slot: stopped in between, it leaves empty files beside a lock of a dead process.
 * What each moment leaves is made here as it is on disk, since no signal lands on a moment for sure.
 */
describe('incumbent init stopped before its files hold anything', () => {
  const stale = (log: string) => writeFileSync(`${log}.lock`, JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), since: new Date().toISOString(), nonce: randomUUID() }));

  it('an empty log and an empty anchor (stopped before log.created was written): once the empty log is removed, as verify says, init starts it again', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'incumbent-init-')), 'log.jsonl');
    writeFileSync(log, '');
    writeFileSync(`${log}.head`, '');
    stale(log);
    let said = '';
    expect(await main(['verify', '--log', log], { ...quiet, err: (text) => void (said += text) })).toBe(1);
    expect(said).toMatch(/is empty, so it is not an Incumbent log .* \(after removing the empty file\)/);
    rmSync(log);
    expect(await main(['init', '--log', log, '--title', 'Again'], quiet)).toBe(0);
    expect(records(log)).toBe(1);
    expect(await main(['verify', '--log', log], quiet)).toBe(0);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['zeros, as a power cut can leave a new file', Buffer.alloc(512)],
  ])('log.created written, its anchor %s (stopped before the anchor named it): verify says the end is not anchored; the log opens and takes appends, and then verifies', async (_how, anchor) => {
    const { log, one } = await bigAppend();
    writeFileSync(`${log}.head`, anchor);
    stale(log);
    let said = '';
    expect(await main(['verify', '--log', log], { ...quiet, err: (text) => void (said += text) })).toBe(2);
    expect(said).toMatch(/no head anchor .* gets its anchor when it is first opened for writing/);
    expect(await main(['append', '--log', log, one], quiet)).toBe(0);
    expect(await main(['verify', '--log', log], quiet)).toBe(0);
  });
});
