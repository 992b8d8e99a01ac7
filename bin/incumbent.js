#!/usr/bin/env node
// The CLI's bundle while it is fresh (see scripts/cli-bundle.js); else its TypeScript sources, through tsx.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// V8's young generation at 64 MiB, as the app and the web host run: reading a large log makes
// short-lived objects by the million, and the default (16 MiB) spent about 0.7 s of an 8.5 s
// snapshot of the 1M log collecting them. The flag must be there when Node starts, so Node is
// started again with it, the same standard streams, and its exit status passed on (about 0.1 s).
// Not from the first line (`env -S node --max-semi-space-size=64`): BusyBox's env (Alpine), and
// OpenBSD's and NetBSD's, refuse `-S`, and Node would never start. Not under a debugger
// (--inspect): the second Node would want the same port.
const YOUNG = '--max-semi-space-size=64';
if (!process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size') || flag.startsWith('--inspect'))) {
  const run = spawnSync(process.execPath, [...process.execArgv, YOUNG, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
}

// Output piped to a reader that stops early (`incumbent events | head`): the rest is not wanted, and that is no error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

const bundle = (await import('../scripts/cli-bundle.js')).freshCliBundle();
if (!bundle) (await import('tsx/esm/api')).register();
const { main } = await import(bundle ?? '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
