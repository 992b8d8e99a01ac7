/**
 * From an outside review: pgDriver() kept the promise of its first `import('pg')` for ever, a rejected one too.
 * Node's own loader does not remember a failed resolution (an `import('pg')` that found no package
 * finds it once it is there), but pg-driver.ts does: a long-running process (the web host, the
 * desktop app's main process) that first reached for `pg` while node_modules/pg was absent or
 * being replaced (an `npm install` meanwhile) can never open a PostgreSQL log again until restarted.
 * In a child process, with a copy of pg-driver.ts in a folder whose node_modules/pg appears later.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'pg-driver-retry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a failed load of pg is tried again at the next use, as Node itself would', () => {
  writeFileSync(join(dir, 'package.json'), `{ "type": "module" }\n`);
  copyFileSync(fileURLToPath(new URL('./pg-driver.ts', import.meta.url)), join(dir, 'pg-driver.ts'));
  // The same import, without pg-driver's memo: what Node does on its own.
  writeFileSync(join(dir, 'plain.ts'), `export const plain = () => import('pg').then((module) => module.default);\n`);
  const script = `
    import { mkdirSync, writeFileSync } from 'node:fs';
    const { pgDriver } = await import(${JSON.stringify(join(dir, 'pg-driver.ts'))});
    const { plain } = await import(${JSON.stringify(join(dir, 'plain.ts'))});
    const outcome = (promise) => promise.then((pg) => typeof pg.Client, (error) => error.code ?? error.message);
    const before = [await outcome(pgDriver()), await outcome(plain())];
    // node_modules/pg is there now (the install finished).
    mkdirSync(${JSON.stringify(join(dir, 'node_modules', 'pg'))}, { recursive: true });
    writeFileSync(${JSON.stringify(join(dir, 'node_modules', 'pg', 'package.json'))}, '{"name":"pg","main":"index.js"}');
    writeFileSync(${JSON.stringify(join(dir, 'node_modules', 'pg', 'index.js'))}, 'module.exports = { Client: class Client {} };');
    const after = [await outcome(pgDriver()), await outcome(plain())];
    console.log(JSON.stringify({ before, after }));
  `;
  const cwd = fileURLToPath(new URL('../../..', import.meta.url)); // the repository, where tsx is
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd, encoding: 'utf8', timeout: 30_000, killSignal: 'SIGKILL' });
  expect(run.status, run.stderr).toBe(0);
  const { before, after } = JSON.parse(run.stdout) as { before: string[]; after: string[] };
  expect(before).toEqual(['ERR_MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND']);
  // Node finds the package now; so should pgDriver.
  expect(after[1]).toBe('function');
  expect(after[0]).toBe('function');
}, 40_000);
