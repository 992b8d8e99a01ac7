/**
 * A FIFO in the served folder (from an outside review): reading it would stop the host's only
 * thread until something wrote to it. It is not a regular file, so it is not served, and nothing
 * waits. In a child process, so that a regression hangs the child, not the test run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'static-fifo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a FIFO in the folder is not served, and reading it does not wait for a writer', () => {
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  execFileSync('mkfifo', [join(dir, 'pipe.js')]);
  const staticFiles = fileURLToPath(new URL('./static-files.ts', import.meta.url));
  const protocol = fileURLToPath(new URL('../main/app-protocol-response.ts', import.meta.url));
  const script = `
    const { readStaticFile } = await import(${JSON.stringify(staticFiles)});
    const { respondToAppRequest } = await import(${JSON.stringify(protocol)});
    const pipe = readStaticFile(${JSON.stringify(dir)}, ${JSON.stringify(join(dir, 'pipe.js'))});
    const page = readStaticFile(${JSON.stringify(dir)}, ${JSON.stringify(join(dir, 'index.html'))});
    const desktop = await respondToAppRequest({ url: 'app://incumbent/pipe.js', method: 'GET' }, ${JSON.stringify(dir)});
    console.log(JSON.stringify({ pipe: pipe ?? null, page: page?.bytes.toString(), desktop: desktop.status }));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL' });
  expect(run.signal, run.stderr).toBeNull();
  expect(JSON.parse(run.stdout)).toEqual({ pipe: null, page: '<!doctype html>', desktop: 404 });
}, 30_000);
