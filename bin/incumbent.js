#!/usr/bin/env node
// The CLI's bundle while it is fresh (see scripts/cli-bundle.js); else its TypeScript sources, through tsx.
import { fileURLToPath } from 'node:url';

// V8's young generation at 64 MiB, as the app and the web host run: reading a large log makes
// short-lived objects by the million, and the default (16 MiB) spent about 0.7 s of an 8.5 s
// snapshot of the 1M log collecting them. The flag must be there when Node starts, so Node is
// started again with it, the same standard streams, and its exit status passed on (about 0.1 s).
// Not from the first line (`env -S node --max-semi-space-size=64`): BusyBox's env (Alpine), and
// OpenBSD's and NetBSD's, refuse `-S`, and Node would never start. Not under a debugger
// (--inspect): the second Node would want the same port.
//
// The two are one command: a signal sent to this one reaches the other, and if this one is killed
// outright (SIGKILL, which cannot be passed on), the other stops as its channel to this one closes.
// Otherwise a writer killed by its caller went on, holding the log's lock, and wrote its batch later.
const YOUNG = '--max-semi-space-size=64';
const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
if (!process.execArgv.some((flag) => flag.startsWith('--max-semi-space-size') || flag.startsWith('--inspect'))) {
  const { spawn } = await import('node:child_process');
  // Listening before the other starts: a signal in between is handled once it exists (handlers run on the event loop).
  let child;
  for (const signal of PASSED_ON) process.on(signal, () => child.kill(signal));
  const env = { ...process.env, INCUMBENT_CALLER: String(process.pid) };
  child = spawn(process.execPath, [...process.execArgv, YOUNG, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
  const [status, signal] = await new Promise((resolve) => child.on('exit', (...ended) => resolve(ended)));
  if (signal) {
    for (const passed of PASSED_ON) process.removeAllListeners(passed);
    process.kill(process.pid, signal);
  }
  process.exit(status ?? 1);
}
// Started by the lines above: stop when they are gone, now or once the event loop turns (the channel
// does not keep this one running). A write under way checks again before it commits (`stillWanted`).
if (process.env.INCUMBENT_CALLER && process.ppid !== Number(process.env.INCUMBENT_CALLER)) process.exit(128 + 9);
if (process.channel) {
  process.channel.unref();
  process.on('disconnect', () => process.exit(128 + 9));
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
