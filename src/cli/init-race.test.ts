/**
 * `init` looked for a file at the path, then opened it to create the log: another `init` (or a
 * copy) that made the log in between had it opened instead, and this one said "created" with its
 * own title unused, exit 0 (4 inits started together: 1 round in 5 had two say "created").
 * Which init lost is decided under the log's lock: the log found there is refused, not opened.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * While set, what is looked at before the lock is taken (is there a log file, an anchor) answers as
 * it did before another init made them: the other init won the race in between. Taking the lock ends it.
 */
const race = vi.hoisted(() => ({ before: false }));
vi.mock('../store/log-file', async (original) => {
  const module = await original<typeof import('../store/log-file')>();
  return { ...module, isLogFile: (path: string) => (race.before ? false : module.isLogFile(path)) };
});
vi.mock('../store/head-anchor', async (original) => {
  const module = await original<typeof import('../store/head-anchor')>();
  return { ...module, readAnchor: (path: string) => (race.before ? 'missing' : module.readAnchor(path)) };
});
vi.mock('../store/lock', async (original) => {
  const module = await original<typeof import('../store/lock')>();
  const acquire = (path: string) => ((race.before = false), module.LogLock.acquire(path));
  return { ...module, LogLock: { acquire } };
});

const { main } = await import('./main');

describe('init beside another init', () => {
  it('refuses the log another init made after it looked, and leaves that log as it was', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'incumbent-init-race-')), 'acme.jsonl');
    const quiet = { out: () => undefined, err: () => undefined, readStdin: async () => '' };
    expect(await main(['init', '--log', log, '--title', 'First'], quiet)).toBe(0);
    const before = readFileSync(log);
    const said: string[] = [];
    race.before = true;
    try {
      const code = await main(['init', '--log', log, '--title', 'Second'], { ...quiet, out: (text) => void said.push(text), err: (text) => void said.push(text) });
      expect(said.join('')).not.toMatch(/created/);
      expect(said.join('')).toMatch(/already exists: another process started a log there just now; nothing was written/);
      expect(code).toBe(1);
    } finally {
      race.before = false;
    }
    expect(readFileSync(log).equals(before)).toBe(true);
  });
});
