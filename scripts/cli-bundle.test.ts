/**
 * The CLI's bundle (see cli-bundle.js) answers only while every source it was built from is
 * unchanged, and the record checker it gives a reading worker loads without tsx.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLog } from '../bench/generate';
import { buildCli, freshCliBundle } from './cli-bundle.js';

mkdirSync(fileURLToPath(new URL('../out', import.meta.url)), { recursive: true });
// Inside the project, as the real bundle is: it loads its packages from node_modules.
const dir = mkdtempSync(fileURLToPath(new URL('../out/cli-bundle-test-', import.meta.url)));
/** As deep below the root as out/cli: the sources find the root's files from where they run. */
const out = dir;
beforeAll(() => buildCli(out), 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `verify` of the log at `log`, run by the CLI whose entry is `entry` (from a file: `node -e` would make the workers' scripts modules too). */
function run(entry: string, log: string): string {
  const runner = join(dir, 'run.mjs');
  writeFileSync(runner, `const { main } = await import(${JSON.stringify(entry)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
  return execFileSync(process.execPath, [runner, 'verify', '--log', log], { encoding: 'utf8' });
}

/** The modules a bundle file loads before it runs (its static imports, not `import()`). */
const loadedAtStart = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?["']([^"']+)["'];?$/gms)].map(([, specifier]) => specifier!);

describe('the bundled CLI', () => {
  it('loads neither zod from node_modules nor pg before its first line of work (each costs about 0.1 s of every run)', () => {
    const atStart = [...loadedAtStart(join(out, 'main.js')), ...loadedAtStart(join(out, 'share-checker.js'))];
    expect(atStart).toContain('node:fs');
    expect(atStart).not.toContain('zod');
    expect(atStart).not.toContain('pg');
    // One file per entry, loaded whole: a build meanwhile cannot take away a part a running command has yet to load.
    expect(atStart.filter((specifier) => specifier.startsWith('.'))).toEqual([]);
    // pg is loaded where a PostgreSQL log is used.
    expect(readFileSync(join(out, 'main.js'), 'utf8')).toMatch(/import\(["']pg["']\)/);
  });

  it('is used only while every source it was built from hashes as it did', () => {
    expect(freshCliBundle(out)).toBe(`file://${out}/main.js`);
    const manifest = join(out, 'hashes.json');
    const sources = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>;
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/store/read-log.ts', 'src/store/share-checker.ts']));
    // As if src/store/read-log.ts had been edited since the build.
    writeFileSync(manifest, JSON.stringify({ ...sources, 'src/store/read-log.ts': '0'.repeat(64) }));
    expect(freshCliBundle(out)).toBeUndefined();
    writeFileSync(manifest, '{}');
    expect(freshCliBundle(out)).toBeUndefined();
    rmSync(manifest);
    expect(freshCliBundle(out)).toBeUndefined();
    expect(freshCliBundle(join(dir, 'nowhere'))).toBeUndefined();
    writeFileSync(manifest, JSON.stringify(sources));
    expect(freshCliBundle(out)).toMatch(/main\.js$/);
  });

  it('answers as the sources do', () => {
    expect(run(freshCliBundle(out)!, fileURLToPath(new URL('../data/openai-2023-11.jsonl', import.meta.url)))).toMatch(/^ok: \d+ records/);
  });

  it('verifies a large log, its worker checking its share with the bundled checker', async () => {
    const { shareChecker } = (await import(join(out, 'share-checker.js'))) as typeof import('../src/store/share-checker');
    const checker = shareChecker();
    checker.check(0, { type: 'board.joined', colour: 'red' });
    expect(checker.shapes.problem?.line).toBe(0);
    const log = join(dir, 'large.jsonl');
    await generateLog(log, 30_000, 5);
    expect(run(freshCliBundle(out)!, log)).toMatch(/^ok: 30000 records/);
  }, 60_000);
});
