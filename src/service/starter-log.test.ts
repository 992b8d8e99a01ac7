/** The user's copy of the built-in dataset, made on first start: stopped halfway (killed), it is absent or whole, never a shorter log under the whole one's anchor. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { starterLog } from './starter-log';

const session = new URL('./starter-log.ts', import.meta.url).href;

/** A built-in "dataset" large enough that copying it takes a while (starterLog copies bytes; it does not read them). */
function builtIn(dir: string): string {
  const path = join(dir, 'built-in.jsonl');
  writeFileSync(path, Buffer.alloc(48 << 20, 'x'));
  writeFileSync(`${path}.head`, 'anchor of the whole log');
  return path;
}

it.each([0, 5, 15, 30, 60])('killed %i ms into the first start\'s copy, the next start finds no log or the whole one, and makes it whole', async (delay) => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-starter-'));
  const source = builtIn(dir);
  const data = join(dir, 'data');
  const script = `const { starterLog } = await import(${JSON.stringify(session)}); process.stdout.write('go'); starterLog(${JSON.stringify(data)}, ${JSON.stringify(source)}); process.stdout.write('done');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  await once(child.stdout!, 'data');
  await new Promise((resolve) => setTimeout(resolve, delay));
  child.kill('SIGKILL');
  await exited;
  const path = join(data, 'logs', 'openai-2023-11.jsonl');
  const whole = readFileSync(source);
  // Whatever the moment of the kill: no log yet, or all of it.
  if (existsSync(path)) expect(readFileSync(path).equals(whole)).toBe(true);
  expect(starterLog(data, source)).toBe(path);
  expect(readFileSync(path).equals(whole)).toBe(true);
  expect(readFileSync(`${path}.head`, 'utf8')).toBe('anchor of the whole log');
  // The killed start's copy (named by its process) is gone too.
  expect(readdirSync(join(data, 'logs')).filter((name) => name.endsWith('.copying'))).toEqual([]);
});
