/**
 * Processes started together, for races between processes: each imports what it needs (`setup`),
 * waits at a barrier (a file appearing), and only then runs `race`, so their races begin within a
 * moment of each other rather than a process start apart.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Raced {
  /** What `race` wrote to standard output. */
  said: string;
  err: string;
  code: number | null;
}

/** Runs each `{ setup, race }` (ES module code, TypeScript imports allowed) in a process of its own, all released at once. */
export async function atBarrier(dir: string, scripts: { setup: string; race: string }[]): Promise<Raced[]> {
  const go = join(dir, 'go');
  const children = scripts.map(({ setup, race }) =>
    spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { existsSync } = await import('node:fs'); ${setup}; process.stdout.write('ready\\n'); while (!existsSync(${JSON.stringify(go)})); ${race}`], { stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const outputs = children.map((child) => {
    const output = { out: '', err: '' };
    child.stdout!.on('data', (chunk) => (output.out += chunk));
    child.stderr!.on('data', (chunk) => (output.err += chunk));
    return output;
  });
  await Promise.all(children.map((child) => once(child.stdout!, 'data')));
  writeFileSync(go, '');
  const codes = await Promise.all(children.map(async (child) => (await once(child, 'exit'))[0] as number | null));
  return outputs.map(({ out, err }, i) => ({ said: out.replace(/^ready\n/, ''), err, code: codes[i]! }));
}
