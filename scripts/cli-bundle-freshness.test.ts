/**
 * When can the bundle answer although it is not what the sources (as tsx would run them) give? (From an outside review.)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

mkdirSync(fileURLToPath(new URL('../out', import.meta.url)), { recursive: true });
// A small project inside this one (so that esbuild and tsx resolve from node_modules), with its own copy of cli-bundle.js.
const root = mkdtempSync(fileURLToPath(new URL('../out/bundle-freshness-', import.meta.url)));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let bundler: typeof import('./cli-bundle.js');
beforeAll(async () => {
  bundler = await project();
});

async function project() {
  mkdirSync(join(root, 'scripts'), { recursive: true });
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'src', 'store'), { recursive: true });
  copyFileSync(fileURLToPath(new URL('./cli-bundle.js', import.meta.url)), join(root, 'scripts', 'cli-bundle.js'));
  writeFileSync(join(root, 'package.json'), `{ "type": "module" }\n`);
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), `import { answer } from './rules';\nexport async function main(): Promise<number> { console.log(answer); return 0; }\n`);
  writeFileSync(join(root, 'src', 'cli', 'rules-2025.ts'), `export const answer: string = 'rules of 2025';\n`);
  writeFileSync(join(root, 'src', 'cli', 'rules-2026.ts'), `export const answer: string = 'rules of 2026';\n`);
  symlinkSync('rules-2025.ts', join(root, 'src', 'cli', 'rules.ts'));
  writeFileSync(join(root, 'src', 'store', 'share-checker.ts'), `export const shareChecker = () => ({});\n`);
  return (await import(pathToFileURL(join(root, 'scripts', 'cli-bundle.js')).href)) as typeof import('./cli-bundle.js');
}

/** What the project's CLI prints, from the bundle when fresh, else from the sources through tsx (as bin/incumbent.js does). */
function run(fresh: string | undefined): string {
  const runner = join(root, 'run.mjs');
  writeFileSync(runner, `const entry = ${JSON.stringify(fresh ?? null)};\nif (!entry) (await import('tsx/esm/api')).register();\nconst { main } = await import(entry ?? ${JSON.stringify(pathToFileURL(join(root, 'src', 'cli', 'main.ts')).href)});\nprocess.exitCode = await main();\n`);
  return execFileSync(process.execPath, [runner], { encoding: 'utf8', cwd: root }).trim();
}

describe('the bundle answers only while it is what the sources give', () => {
  it('a source that is a symlink, pointed at another file after the build, is not answered from the old build', async () => {
    const { buildCli, freshCliBundle } = bundler;
    await buildCli();
    expect(run(freshCliBundle())).toBe('rules of 2025');
    // The rules are switched the way a deployment might: the link now names next year's file.
    unlinkSync(join(root, 'src', 'cli', 'rules.ts'));
    symlinkSync('rules-2026.ts', join(root, 'src', 'cli', 'rules.ts'));
    expect(run(undefined)).toBe('rules of 2026');
    // The sources say 2026; the bundle must not be used.
    expect(freshCliBundle()).toBeUndefined();
  }, 60_000);

  it('a bundle whose main.js is gone is not reported fresh (bin/incumbent.js would crash on the import)', async () => {
    const { buildCli, freshCliBundle } = bundler;
    const out = join(root, 'out-missing');
    await buildCli(out);
    rmSync(join(out, 'main.js'));
    const fresh = freshCliBundle(out);
    expect(fresh === undefined || existsSync(fileURLToPath(fresh))).toBe(true);
  }, 60_000);

  it('a bundle edited after it was built is not answered from', async () => {
    const { buildCli, freshCliBundle } = bundler;
    const out = join(root, 'out-edited');
    await buildCli(out);
    const main = join(out, 'main.js');
    writeFileSync(main, readFileSync(main, 'utf8').replace(/rules of 202\d/, 'whatever the editor wants'));
    const fresh = freshCliBundle(out);
    expect(fresh === undefined ? run(undefined) : run(fresh)).toBe(run(undefined));
  }, 60_000);
});
