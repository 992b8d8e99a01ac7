/**
 * A command still running while the bundle is rebuilt (`npm install`'s prepare, `npm run build:cli`)
 * finishes with the code it started with or the new, never failing to load a part of the old one
 * (from an outside review: split into chunks, a run died on the `import()` of a chunk the rebuild
 * had replaced, as `incumbent copy` into PostgreSQL would after reading its source).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

mkdirSync(fileURLToPath(new URL('../out', import.meta.url)), { recursive: true });
const root = mkdtempSync(fileURLToPath(new URL('../out/bundle-rebuild-', import.meta.url)));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a run of the bundle while the bundle is rebuilt', () => {
  it('finishes (with the old code or the new), rather than failing to load a chunk deleted under it', async () => {
    mkdirSync(join(root, 'scripts'), { recursive: true });
    mkdirSync(join(root, 'src', 'cli'), { recursive: true });
    mkdirSync(join(root, 'src', 'store'), { recursive: true });
    copyFileSync(fileURLToPath(new URL('./cli-bundle.js', import.meta.url)), join(root, 'scripts', 'cli-bundle.js'));
    writeFileSync(join(root, 'package.json'), `{ "type": "module" }\n`);
    // As copy.ts does: the work first (reading the source log), then the PostgreSQL code, behind import().
    writeFileSync(
      join(root, 'src', 'cli', 'main.ts'),
      `export async function main(): Promise<number> {\n  await new Promise((r) => setTimeout(r, 2000));\n  const { answer } = await import('./late');\n  console.log(answer);\n  return 0;\n}\n`,
    );
    writeFileSync(join(root, 'src', 'cli', 'late.ts'), `export const answer: string = 'late 1';\n`);
    writeFileSync(join(root, 'src', 'store', 'share-checker.ts'), `export const shareChecker = () => ({});\n`);
    const { buildCli, freshCliBundle } = (await import(pathToFileURL(join(root, 'scripts', 'cli-bundle.js')).href)) as typeof import('./cli-bundle.js');
    await buildCli();
    const fresh = freshCliBundle();
    expect(fresh).toBeDefined();
    // What bin/incumbent.js does with a fresh bundle.
    const runner = join(root, 'run.mjs');
    writeFileSync(runner, `const { main } = await import(${JSON.stringify(fresh)});\nprocess.exitCode = await main();\n`);
    const child = spawn(process.execPath, [runner], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The run has checked the bundle and started; a source is edited and the bundle rebuilt.
    await new Promise((resolve) => setTimeout(resolve, 700));
    writeFileSync(join(root, 'src', 'cli', 'late.ts'), `export const answer: string = 'late 2';\n`);
    await buildCli();
    const status = await exited;
    expect(stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find module/);
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^late [12]$/);
  }, 60_000);
});
