/**
 * Two first starts at once each copy the built-in dataset. The second copied to the name the first
 * was copying to, and failed on a raw "EEXIST"; or, having looked before the first's log was in
 * place, renamed its copy over that log, and the events appended to it since were gone.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { atBarrier } from './at-barrier.test-support';

/** While above 0, each look for the user's log answers that it is not there yet, and counts down. */
const race = vi.hoisted(() => ({ looks: 0 }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const existsSync = (path: string) => (race.looks > 0 && path.endsWith('openai-2023-11.jsonl') ? (race.looks--, false) : fs.existsSync(path));
  return { ...fs, existsSync, default: { ...fs, existsSync } };
});

const { starterLog } = await import('./starter-log');

function builtIn(dir: string): string {
  const path = join(dir, 'built-in.jsonl');
  writeFileSync(path, '{"line":1}\n'.repeat(20_000));
  writeFileSync(`${path}.head`, 'anchor of the whole log');
  return path;
}

describe('two first starts at once', () => {
  it('leaves the log another start put in place (and appended to) after this one looked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-starter-race-'));
    const [source, data] = [builtIn(dir), join(dir, 'data')];
    const path = starterLog(data, source);
    appendFileSync(path, '{"appended":"by the first start"}\n');
    const kept = readFileSync(path);
    race.looks = 1;
    expect(starterLog(data, source)).toBe(path);
    expect(race.looks).toBe(0);
    expect(readFileSync(path).equals(kept)).toBe(true);
    expect(readdirSync(join(data, 'logs')).sort()).toEqual(['openai-2023-11.jsonl', 'openai-2023-11.jsonl.head']);
  });

  it('gives four processes started together the same whole log, and no error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-starter-race-'));
    const [source, data] = [builtIn(dir), join(dir, 'data')];
    const module = new URL('./starter-log.ts', import.meta.url).href;
    const copy = { setup: `const { starterLog } = await import(${JSON.stringify(module)})`, race: `process.stdout.write(starterLog(${JSON.stringify(data)}, ${JSON.stringify(source)}))` };
    const outputs = await atBarrier(dir, Array(4).fill(copy));
    const codes = outputs.map(({ code }) => code);
    const path = join(data, 'logs', 'openai-2023-11.jsonl');
    expect(outputs.map(({ err }) => err)).toEqual(['', '', '', '']);
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(outputs.map(({ said }) => said)).toEqual([path, path, path, path]);
    expect(readFileSync(path).equals(readFileSync(source))).toBe(true);
    expect(readdirSync(join(data, 'logs')).sort()).toEqual(['openai-2023-11.jsonl', 'openai-2023-11.jsonl.head']);
  });
});
