/**
 * The CLI, bundled: one JavaScript file Node loads in about a tenth of a second, where running the
 * TypeScript sources through tsx takes about 0.35 s before the first line of work (its loader
 * compiles every module). `bin/incumbent.js` runs the bundle only while it is fresh: while each
 * source it was built from (symbolic links as links), what built it (tsconfig.json, esbuild's
 * version) and the bundle's own files hash as they did then. Otherwise it runs the sources, so an
 * edit is never answered by an older build, nor a bundle edited or half gone.
 *
 * Every CLI run pays for what it loads before its first line of work: zod's many modules cost about
 * 0.15 s loaded from node_modules, so zod is bundled in (its files are hashed with the sources);
 * other packages stay outside, loaded from node_modules. Each entry is one file, loaded whole when
 * it starts: a build while a command runs then cannot take away a part it has yet to load (split
 * into chunks, it could). So `pg` is loaded by an `import()` where it is used (pg-driver.ts).
 * Left as it was: the second entry, the checker a reading worker loads, is written over where it
 * is, so a command running across a build may check its worker's share by the new build's rules.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Packages bundled into the CLI (see above). */
const BUNDLED = new Set(['zod']);
const hashOf = (path) => createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');

/** Builds the bundle into `outDir`: `main.js`, the record checker a reading worker loads, and `hashes.json` (see above). */
export async function buildCli(outDir = join(ROOT, 'out', 'cli')) {
  const { build } = await import('esbuild');
  const { dependencies, devDependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts', 'src/store/share-checker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // By package name: esbuild leaves a package's subpaths (`tsx/esm/api`) outside with it.
    external: Object.keys({ ...dependencies, ...devDependencies }).filter((name) => !BUNDLED.has(name)),
    outdir: outDir,
    // Flat, and as deep below the root as src/cli: paths the sources resolve from `import.meta.url` hold.
    entryNames: '[name]',
    // A source reached through a symbolic link is listed as the link, so pointing it elsewhere changes its hash.
    preserveSymlinks: true,
    metafile: true,
    logLevel: 'warning',
  });
  // Input paths are relative to the working directory, the root; outputs' too.
  // What decides what is bundled and how: esbuild's version, tsconfig.json, the packages left outside
  // (package.json), the bundled packages' own entry points (their package.json), and this script.
  const builder = [
    createRequire(import.meta.url).resolve('esbuild/package.json'),
    ...['tsconfig.json', 'package.json', ...[...BUNDLED].map((name) => join('node_modules', name, 'package.json'))].map((path) => join(ROOT, path)),
    fileURLToPath(import.meta.url),
  ].filter((path) => existsSync(path));
  const built = [...Object.keys(metafile.inputs), ...Object.keys(metafile.outputs), ...builder.map((path) => relative(ROOT, path))];
  const hashes = Object.fromEntries(built.map((path) => [relative(ROOT, join(ROOT, path)), hashOf(path)]));
  writeFileSync(join(outDir, 'hashes.json'), `${JSON.stringify(hashes, null, 1)}\n`);
}

/** The bundle's entry in `outDir` when every file listed as built from or built is unchanged; else undefined. */
export function freshCliBundle(outDir = join(ROOT, 'out', 'cli')) {
  try {
    const hashes = JSON.parse(readFileSync(join(outDir, 'hashes.json'), 'utf8'));
    const main = join(outDir, 'main.js');
    const paths = Object.keys(hashes);
    return paths.includes(relative(ROOT, main)) && paths.every((path) => hashOf(path) === hashes[path]) ? pathToFileURL(main).href : undefined;
  } catch {
    return undefined;
  }
}

// As npm install's last step: a bundle that cannot be built leaves the CLI on its sources, and the install whole.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli().catch((error) => console.warn(`incumbent: the CLI's bundle was not built (${error.message.split('\n')[0]}); the CLI runs from its sources through tsx`));
}
