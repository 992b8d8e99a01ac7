/**
 * The web host's command line (`npm run web -- ...`), checked before a port is listened on or a
 * log opened: a mistyped option, a port that is no port or one already taken is named in a
 * sentence, never thrown as a stack trace.
 */
import { bareArgumentProblem, optionProblem, parseOptions } from '../cli/option-problem';

export const DEFAULT_PORT = 5180;

export const WEB_USAGE = `Usage: npm run web -- [--port N] [--log LOG] [--data-dir DIR]

Serves the app on 127.0.0.1 (loopback only) and prints its URL with a token new at each launch.
  --port N        the port: a whole number from 0 to 65535 (default ${DEFAULT_PORT}; 0 picks a free one)
  --log LOG       an event log: a JSON Lines file, or postgres://user@host:port/db?log=NAME;
                  default: the built-in OpenAI dataset, copied into the data folder
  --data-dir DIR  the data folder (default: $INCUMBENT_DATA_DIR, else ~/.incumbent)`;

export type WebOptions = { help: true } | { help: false; port: number; log?: string; dataDir?: string };

/** The options in `argv`; throws an Error whose message names the option and what is wrong with it. */
export function parseWebOptions(argv: string[]): WebOptions {
  const { values, tokens, positionals } = parseOptions(argv, {
    port: { type: 'string' },
    log: { type: 'string' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const problem = optionProblem(tokens) ?? bareArgumentProblem(positionals, true);
  if (problem) throw new Error(problem);
  if (values.help) return { help: true };
  return { help: false, port: portOf(values.port), ...(values.log ? { log: values.log } : {}), ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}) };
}

function portOf(given: string | undefined): number {
  if (given === undefined) return DEFAULT_PORT;
  // Digits only: Number() would take "0x50", " 80", "1e3" and "" as ports.
  const port = /^\d{1,5}$/.test(given) ? Number(given) : NaN;
  if (!(port <= 65535)) throw new Error(`Option '--port' is "${given.slice(0, 64)}", not a port: give a whole number from 0 to 65535 (0 picks a free one)`);
  return port;
}

/** Why listening on `port` failed, as its user can act on it. */
export function listenProblem(error: NodeJS.ErrnoException, port: number): string {
  if (error.code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is in use (by another web mode, perhaps): give another with --port N, or --port 0 for a free one`;
  if (error.code === 'EACCES') return `port ${port} on 127.0.0.1 is not open to this user (ports below 1024 usually need root): give another with --port N, or --port 0 for a free one`;
  return `cannot listen on 127.0.0.1:${port}: ${error.message}`;
}
