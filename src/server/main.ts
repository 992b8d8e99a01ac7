/**
 * `npm run web`: serves the app on 127.0.0.1 and prints its URL with a per-launch token. It runs
 * built, as `out/main/web.js` beside the desktop app's main process (see `electron.vite.config.ts`).
 * Options: --port N (default 5180; 0 picks a free one), --log FILE or postgres://user@host:port/db?log=NAME,
 * --data-dir DIR. A PostgreSQL log is live: appends by other processes reach the page (`log:changes`).
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { APP_VERSION, BUILT_IN_LOG } from '../cli/commands';
import { toAppError } from '../core/errors';
import { LogSession, starterLog } from '../service/session';
import { createWebHost } from './http';

const { values } = parseArgs({ options: { port: { type: 'string', default: '5180' }, log: { type: 'string' }, 'data-dir': { type: 'string' } } });
const dataDir = values['data-dir'] ?? process.env.INCUMBENT_DATA_DIR ?? join(homedir(), '.incumbent');
const session = new LogSession({ appVersion: APP_VERSION, live: true });
const path = values.log ?? starterLog(dataDir, BUILT_IN_LOG);
const token = randomBytes(24).toString('base64url');
const server = createWebHost({ handlers: session.handlers(), readJson: session.readJson, staticDir: fileURLToPath(new URL('../../out/renderer', import.meta.url)), token });
server.listen(Number(values.port), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  console.log(`Incumbent web mode: http://127.0.0.1:${port}/#token=${token}`);
  console.log('Loopback only. Ctrl+C to stop.');
});
// The page loads while the log opens (seconds at a million events); its calls wait for the log.
// A log that cannot be opened is named here, and the page shows why.
session.open(path).then(
  (opened) => console.log(`Serving ${opened.log.path}.`),
  (error: unknown) => console.error(`incumbent web: ${toAppError(error).message}`),
);
const stop = () => {
  server.close();
  session.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
