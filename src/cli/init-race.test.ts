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
 * While `looks` is above 0, each look for a log file (and at its anchor) before the lock is taken
 * answers as it did before another init made them, and counts down: the other init won the race
 * after that many looks. Taking the lock ends it.
 */
const race = vi.hoisted(() => ({ looks: 0 }));
vi.mock('../store/log-file', async (original) => {
  const module = await original<typeof import('../store/log-file')>();
  return { ...module, isLogFile: (path: string) => (race.looks > 0 ? (race.looks--, false) : module.isLogFile(path)) };
});
vi.mock('../store/head-anchor', async (original) => {
  const module = await original<typeof import('../store/head-anchor')>();
  return { ...module, readAnchor: (path: string) => (race.looks > 0 ? 'missing' : module.readAnchor(path)) };
});
vi.mock('../store/lock', async (original) => {
  const module = await original<typeof import('../store/lock')>();
  const acquire = (path: string) => ((race.looks = 0), module.LogLock.acquire(path));
  return { ...module, LogLock: { acquire } };
});

const { main } = await import('./main');

describe('init beside another init', () => {
  it.each([1, 1_000])('refuses the log another init made after it looked (after %i looks), and leaves that log as it was', async (looks) => {
    const log = join(mkdtempSync(join(tmpdir(), 'incumbent-init-race-')), 'acme.jsonl');
    const quiet = { out: () => undefined, err: () => undefined, readStdin: async () => '' };
    expect(await main(['init', '--log', log, '--title', 'First'], quiet)).toBe(0);
    const before = readFileSync(log);
    const said: string[] = [];
    race.looks = looks;
    try {
      const code = await main(['init', '--log', log, '--title', 'Second'], { ...quiet, out: (text) => void said.push(text), err: (text) => void said.push(text) });
      expect(said.join('')).not.toMatch(/created/);
      expect(said.join('')).toMatch(/already exists/);
      expect(code).toBe(1);
    } finally {
      race.looks = 0;
    }
    expect(readFileSync(log).equals(before)).toBe(true);
  });
});
