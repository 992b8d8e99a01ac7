/**
 * `npm run web`: serves the app on 127.0.0.1 and prints its URL with a per-launch token. It runs
 * built, as `out/main/web.js` beside the desktop app's main process (see `electron.vite.config.ts`).
 * Options: see `WEB_USAGE`. A PostgreSQL log is live: appends by other processes reach the page (`log:changes`).
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_VERSION, BUILT_IN_LOG } from '../cli/commands';
import { sentenceOf } from '../core/errors';
import { LogSession } from '../service/session';
import { starterLog } from '../service/starter-log';
import { createWebHost } from './http';
import { listenProblem, parseWebOptions, WEB_USAGE, type WebOptions } from './web-options';

// `npm run web` runs in the project's folder; the paths typed are the caller's, whose folder npm names.
if (process.env.npm_lifecycle_event === 'web' && process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);

let options: WebOptions;
try {
  options = parseWebOptions(process.argv.slice(2));
} catch (error) {
  console.error(`incumbent web: ${(error as Error).message}\n\n${WEB_USAGE}`);
  process.exit(1);
}
if (options.help) {
  console.log(WEB_USAGE);
  process.exit(0);
}
const { port, log, dataDir = process.env.INCUMBENT_DATA_DIR || join(homedir(), '.incumbent') } = options;
const session = new LogSession({ appVersion: APP_VERSION, live: true });
const token = randomBytes(24).toString('base64url');
const server = createWebHost({ handlers: session.handlers(), readJson: session.readJson, staticDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)), token });
// A port that cannot be had ends the launch before the log is touched: no lock taken, no copy made.
server.once('error', (error: NodeJS.ErrnoException) => {
  console.error(`incumbent web: ${listenProblem(error, port)}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`Incumbent web mode: http://127.0.0.1:${(server.address() as { port: number }).port}/#token=${token}`);
  console.log('Loopback only. Ctrl+C to stop.');
  // The page loads while the log opens (seconds at a million events); its calls wait for the log.
  // A log that cannot be opened is named here, and the page shows why. Opened here, in the
  // listening callback: before any request is taken. A data folder that cannot be made is such a reason too.
  const opening = Promise.resolve().then(() => session.open(log ?? starterLog(dataDir, BUILT_IN_LOG)));
  session.waitFor(opening);
  opening.then(
    (opened) => console.log(`Serving ${opened.log.path}.`),
    (error: unknown) => console.error(`incumbent web: ${sentenceOf(error)}`),
  );
});
const stop = () => {
  server.close();
  session.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
