/**
 * `npm run web -- --log path/to/log.jsonl` (the README's form) runs in the project's folder, so a
 * relative --log or --data-dir was looked for there, not in the folder it was typed in (npm names
 * that folder INIT_CWD): "no log at my.jsonl" beside a log that is there.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run web', () => {
  it("opens a relative --log in the caller's folder", async () => {
    const caller = mkdtempSync(join(tmpdir(), 'incumbent-npm-web-'));
    copyFileSync(BUILT_IN_LOG, join(caller, 'my.jsonl'));
    copyFileSync(`${BUILT_IN_LOG}.head`, join(caller, 'my.jsonl.head'));
    const env = { ...process.env, npm_lifecycle_event: 'web', INIT_CWD: caller };
    const host = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts'), '--port', '0', '--log', 'my.jsonl', '--data-dir', 'data'], { cwd: root, env });
    let said = '';
    host.stdout.on('data', (chunk) => void (said += chunk));
    host.stderr.on('data', (chunk) => void (said += chunk));
    const deadline = Date.now() + 30_000;
    while (!/Serving|incumbent web:/.test(said) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    host.kill('SIGTERM');
    expect(said).toContain(`Serving ${join(caller, 'my.jsonl')}.`);
  }, 40_000);
});
