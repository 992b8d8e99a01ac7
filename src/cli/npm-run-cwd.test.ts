/**
 * `npm run cli -- ...` runs the command in the project's folder, wherever it is typed (npm names
 * the caller's folder INIT_CWD). Relative paths were taken from the project's folder: from a
 * folder of logs, `--out snap.json` wrote the project's snap.json and `init --log acme.jsonl`
 * made a log there, while saying "wrote snap.json". They are the caller's paths.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run cli', () => {
  it("reads and writes relative paths in the caller's folder", () => {
    const caller = mkdtempSync(join(tmpdir(), 'incumbent-npm-run-'));
    const name = `snap-${process.pid}-${Date.now()}.json`;
    // As npm runs the script: in the project's folder, with the caller's folder in INIT_CWD.
    const env = { ...process.env, npm_lifecycle_event: 'cli', INIT_CWD: caller };
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'snapshot', '--at', '2023-11-18T12:00:00-08:00', '--out', name], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toContain(`wrote ${name}`);
    const written = existsSync(join(caller, name));
    const strayed = existsSync(join(root, name));
    rmSync(join(root, name), { force: true });
    expect(strayed).toBe(false);
    expect(written).toBe(true);
  });
});
