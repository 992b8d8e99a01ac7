/**
 * The CLI, bundled: one JavaScript file Node loads in about a tenth of a second, where running the
 * TypeScript sources through tsx takes about 0.35 s before the first line of work (its loader
 * compiles every module). `bin/incumbent.js` runs the bundle only while it is fresh: while each
 * source it was built from hashes as it did then. Otherwise it runs the sources, so an edit is
 * never answered by an older build. Packages stay outside the bundle, loaded from node_modules.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const hashOf = (path) => createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');

/** Builds the bundle into `outDir`: `main.js`, the record checker a reading worker loads, and the sources' hashes. */
export async function buildCli(outDir = join(ROOT, 'out', 'cli')) {
  const { build } = await import('esbuild');
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts', 'src/store/share-checker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: outDir,
    // Flat, and as deep below the root as src/cli: paths the sources resolve from `import.meta.url` hold.
    entryNames: '[name]',
    metafile: true,
    logLevel: 'warning',
  });
  // Input paths are relative to the working directory, the root.
  const sources = Object.fromEntries(Object.keys(metafile.inputs).map((path) => [relative(ROOT, join(ROOT, path)), hashOf(path)]));
  writeFileSync(join(outDir, 'sources.json'), `${JSON.stringify(sources, null, 1)}\n`);
}

/** The bundle's entry in `outDir` when every source it was built from is unchanged; else undefined. */
export function freshCliBundle(outDir = join(ROOT, 'out', 'cli')) {
  try {
    const sources = JSON.parse(readFileSync(join(outDir, 'sources.json'), 'utf8'));
    const paths = Object.keys(sources);
    return paths.length > 0 && paths.every((path) => hashOf(path) === sources[path]) ? pathToFileURL(join(outDir, 'main.js')).href : undefined;
  } catch {
    return undefined;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
