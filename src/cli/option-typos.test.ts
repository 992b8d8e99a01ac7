/** A mistyped option (or command) is named with the one meant, in the CLI and the web host alike, run as processes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-support';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, ['--import', pathToFileURL(join(root, 'node_modules/tsx/dist/esm/index.mjs')).href, ...args], { cwd, encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });

describe('a mistyped option', () => {
  it('is named with the nearest option, and nothing is written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-typo-'));
    const init = run([join(root, 'src/cli/main.ts'), 'init', '--log', 'acme.jsonl', '--titel', 'Acme', '--company', 'acme'], dir);
    expect(init.status).toBe(1);
    expect(init.stderr).toMatch(/^incumbent init: Unknown option '--titel': did you mean --title\? The options are --help, --log, --title, --company, --name\n/);
    expect(init.stderr).not.toContain('positional');
    expect(readdirSync(dir)).toEqual([]);
    const wild = run([join(root, 'src/cli/main.ts'), 'snapshot', '--zzzzzz', '1'], dir);
    expect(wild.stderr).toMatch(/Unknown option '--zzzzzz': the options are --help, --log, /);
    const bare = run([join(root, 'src/cli/main.ts'), 'snapshot', '--at'], dir);
    expect(bare.stderr).toMatch(/^incumbent snapshot: Option '--at' has no value: give one after it, as in --at VALUE\n/);
  });

  it('as a command is named with the nearest command; one near none is only said unknown', async () => {
    const typo = await runCli(['snapshots', '--log', 'x.jsonl']);
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/^incumbent: unknown command "snapshots": did you mean snapshot\?\n\n/);
    expect((await runCli(['Verfiy'])).err).toMatch(/^incumbent: unknown command "Verfiy": did you mean verify\?\n/);
    expect((await runCli(['publish'])).err).toMatch(/^incumbent: unknown command "publish"\n\n/);
  });

  it('is named the same way by the web host, which exits before it listens', () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-typo-'));
    const web = run([join(root, 'src/server/main.ts'), '--prot', '46123', '--data-dir', dir], dir);
    expect(web.status).toBe(1);
    expect(web.stderr).toMatch(/Unknown option '--prot': did you mean --port\?/);
    expect(existsSync(join(dir, 'openai-2023-11.jsonl'))).toBe(false);
  });
});
