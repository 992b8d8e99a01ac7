/** Runs the CLI in-process, as `incumbent ARGV` with `stdin` on standard input, and gives back its exit code and output. */
import { main } from './main';

export async function runCli(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => stdin });
  return { code, out, err };
}
