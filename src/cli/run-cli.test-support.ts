/** Runs the CLI in-process, as `incumbent ARGV` with `stdin` on standard input, and gives back its exit code and output. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_LOG } from './commands';
import { main } from './main';

/** A copy of the built-in dataset in `dir`, with its head anchor, as the app keeps it. */
export function copyOfDataset(dir: string): string {
  const path = join(dir, 'openai.jsonl');
  copyFileSync(`${BUILT_IN_LOG}.head`, `${path}.head`);
  copyFileSync(BUILT_IN_LOG, path);
  return path;
}

export async function runCli(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => stdin });
  return { code, out, err };
}
