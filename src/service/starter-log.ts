/**
 * The user's copy of the built-in dataset, made on first start so the shipped file never changes.
 *
 * Two first starts at once (the desktop app and the web mode, two web hosts) each make a copy. Each
 * writes its own under a name of its own, and links it into place: a link never replaces a file,
 * so the log one of them put there first (and may have appended to since) stays as it is, and the
 * other opens it. Renamed into place, the second copy replaced the first's log; copied to one
 * shared name, the second start failed on "EEXIST".
 */
import { closeSync, constants, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IncumbentError } from '../core/errors';
import { fsyncDirectoryOf } from '../store/head-anchor';
import { isAlive } from '../store/lock';

export function starterLog(dataDir: string, builtIn: string): string {
  const logs = join(dataDir, 'logs');
  makeDataFolder(logs);
  const path = join(logs, 'openai-2023-11.jsonl');
  if (existsSync(path)) return path;
  // The head anchor first: a log found without one is opened as unanchored and checked in full.
  if (existsSync(`${builtIn}.head`)) copyWhole(`${builtIn}.head`, `${path}.head`);
  // A log cut short by a copy stopped halfway (a kill, a power cut) would be found under the whole
  // log's anchor, and refused at every start after: it is put in place only once it is all there.
  copyWhole(builtIn, path);
  return path;
}

/** Makes the data folder, or says in a sentence why it cannot be made (Node says "ENOTDIR: not a directory, mkdir ..."). */
function makeDataFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let blocker = folder;
    while (!existsSync(blocker) && dirname(blocker) !== blocker) blocker = dirname(blocker);
    const why =
      code === 'ENOTDIR' || code === 'EEXIST' ? `${blocker} is a file, not a folder` : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? `this user may not write in ${blocker}` : (error as Error).message;
    throw new IncumbentError('invalid', `cannot make the data folder ${folder}: ${why} (give another with --data-dir or INCUMBENT_DATA_DIR)`);
  }
}

/**
 * Copies `from` to `to` whole or not at all, unless `to` is there already: written beside it
 * (never through a link there), flushed, then linked into place.
 */
function copyWhole(from: string, to: string): void {
  removeLeftovers(to);
  // Named by this process: another start's copy is never written into or removed.
  const partial = `${to}.${process.pid}.copying`;
  try {
    copyFileSync(from, partial, constants.COPYFILE_EXCL);
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    placeUnlessThere(partial, to);
  } finally {
    rmSync(partial, { force: true });
  }
  fsyncDirectoryOf(to);
}

/** Links the copy into place; a log there already (another start's, whole too) is left as it is. As the log's lock, it needs a file system with hard links. */
function placeUnlessThere(partial: string, to: string): void {
  try {
    linkSync(partial, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Removes the copies of processes that stopped halfway (killed): those of this process's number, or of no process now running. */
function removeLeftovers(to: string): void {
  const name = basename(to);
  for (const entry of readdirSync(dirname(to))) {
    const pid = entry.startsWith(`${name}.`) && entry.endsWith('.copying') ? Number(entry.slice(name.length + 1, -'.copying'.length)) : NaN;
    if (Number.isSafeInteger(pid) && pid > 0 && (pid === process.pid || !isAlive(pid))) rmSync(join(dirname(to), entry), { force: true });
  }
}
