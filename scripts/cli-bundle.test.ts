/**
 * The CLI's bundle (see cli-bundle.js) answers only while every source it was built from is
 * unchanged, and its record checker runs as a plain worker, without tsx.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, freshCliBundle } from './cli-bundle.js';

mkdirSync(fileURLToPath(new URL('../out', import.meta.url)), { recursive: true });
// Inside the project, as the real bundle is: it loads its packages from node_modules.
const dir = mkdtempSync(fileURLToPath(new URL('../out/cli-bundle-test-', import.meta.url)));
/** As deep below the root as out/cli: the sources find the root's files from where they run. */
const out = dir;
beforeAll(() => buildCli(out), 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundled CLI', () => {
  it('is used only while every source it was built from hashes as it did', () => {
    expect(freshCliBundle(out)).toBe(`file://${out}/main.js`);
    const manifest = join(out, 'sources.json');
    const sources = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, string>;
    expect(Object.keys(sources)).toEqual(expect.arrayContaining(['src/cli/main.ts', 'src/store/read-log.ts', 'src/store/check-lines.worker.ts']));
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
    const log = fileURLToPath(new URL('../data/openai-2023-11.jsonl', import.meta.url));
    const run = (entry: string) => execFileSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(entry)}); process.exitCode = await main(['verify', '--log', ${JSON.stringify(log)}]);`], { encoding: 'utf8' });
    expect(run(freshCliBundle(out)!)).toMatch(/^ok: \d+ records/);
  });

  it('checks records in a plain worker', async () => {
    const path = join(dir, 'log.jsonl');
    writeFileSync(path, `${JSON.stringify({ type: 'board.joined', colour: 'red' })}\n`);
    const worker = new Worker(join(out, 'check-lines.worker.js'), { workerData: { path, from: 0 } });
    const answer = await new Promise<{ shapes: { problem?: { line: number } } }>((resolve, reject) => worker.once('message', resolve).once('error', reject));
    expect(answer.shapes.problem?.line).toBe(1);
  });
});
