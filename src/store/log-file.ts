/** Checks that a path can be a log file before anything opens it: problems are sentences, not errnos. */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { IncumbentError } from '../core/errors';
import { isPostgresUrl } from './log-store';

/**
 * The one name of a log file: symbolic links resolved (its folder's, for a file not there yet).
 * Its lock, head anchor and index sit beside this name, so a log reached by two names (a link to
 * it) still has one writer at a time. A path that cannot be resolved is left for the open to report.
 */
export function realLogPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/**
 * A file kept beside the log at `path` (its head anchor, its index): beside its one name, so the
 * log is checked against the same files whatever name it is given by (a link to it or to its folder).
 */
export const besideLog = (path: string, suffix: string): string => `${realLogPath(path)}${suffix}`;

/** Whether two paths name one file (a hard link too). */
const sameFile = (a: string, b: string): boolean => {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
};

/** A snapshot's own top-level keys, none of which an event has. */
const SNAPSHOT_KEYS = new Set(['companies', 'format', 'notYetCovered', 'provenance']);

/**
 * Refuses to write `what` (a snapshot, an export) to `path` when it is the log at `log` (by any
 * name) or a file kept beside it under its name (its head anchor, index, lock or bookmarks all sit
 * at `${log}.something`): one slip on the keyboard or in a save dialog would lose the log. So too a
 * file kept beside another log: its bookmarks were replaced, and an anchor started for it unreadable.
 */
export function refuseLogFiles(path: string, log: string, what: string, field: string): void {
  const [target, real] = [realLogPath(path), realLogPath(log)];
  if (sameFile(path, log) || target === real || target.startsWith(`${real}.`)) {
    throw new IncumbentError('invalid', `${path} is the log read, or a file kept beside it: write the ${what} elsewhere`, field);
  }
  refuseSideFile(path, () => `write the ${what} elsewhere`, field);
}

/**
 * Refuses to write `what` over a file of event lines, one JSON object a line (another log, an
 * events file): a slip of the keyboard would lose its history. A snapshot, pretty-printed, opens
 * with "{" alone on its line, so an older one is still replaced, as is one written on one line
 * (jq -c, a client's copy), which opens with a snapshot's key. Only a regular file is looked in.
 */
export function refuseEventLines(path: string, what: string, field: string): void {
  const first = openingText(path)?.replace(/^\ufeff/, '').trimStart().split('\n', 1)[0]!.trim();
  // A first key written with an escape is no snapshot's: refused too.
  if (first && /^\{\s*"/.test(first) && !SNAPSHOT_KEYS.has(/^\{\s*"([^"\\]*)"/.exec(first)?.[1] ?? '')) throw new IncumbentError('invalid', `${path} holds event lines (a log or an events file): write the ${what} elsewhere`, field);
}

/**
 * The text a regular file at `path` opens with, read past any blank lines (an events file may open
 * with thousands, which append skips) to some text; undefined for none. Opened without blocking and
 * looked at through the one descriptor, so a FIFO at that name, then or put there meanwhile, is no file.
 */
function openingText(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined; // nothing there, or not readable: the write says so
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const bytes = Buffer.alloc(4096);
    let text = '';
    for (let at = 0, read = 1; read > 0 && text.trimStart().length < 256; at += read) {
      read = readSync(fd, bytes, 0, bytes.length, at);
      text += bytes.toString('utf8', 0, read);
    }
    return text;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Whether a folder is at `path` (one that cannot be looked at counts as none). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The files a log keeps beside it, at `${log}${suffix}`: what each is called in a refusal. */
const SIDE_FILES: [suffix: RegExp, what: string][] = [
  [/\.head$/, 'head anchor'],
  [/\.index$/, 'index'],
  [/\.lock(\.reclaim-[^/\\]*)?$/, 'lock'],
  [/\.bookmarks\.json$/, 'bookmarks'],
  [/\.\d+\.corrupt$/, 'torn last write moved aside'],
];

/**
 * Refuses `path` when it names a file kept beside an existing log (tab completion stops one dot
 * short): read as a log, an anchor was called damaged with the advice to truncate it, and a log
 * started or copied there took the place of that log's index or lock. `remedy` says what to give
 * instead. Only beside a log (a regular file whose first line is a log's first record), and not
 * when `path` is a log itself: a log named `notes.head` beside a file `notes` is no side file.
 */
export function refuseSideFile(path: string, remedy: (log: string) => string = (log) => `give --log ${log}`, field?: string): void {
  for (const [suffix, what] of SIDE_FILES) {
    const at = suffix.exec(path)?.index;
    const log = at === undefined ? undefined : path.slice(0, at);
    if (log && startsAsLog(log) && !startsAsLog(path)) throw new IncumbentError('invalid', `${path} is the ${what} kept beside the log ${log}, not a log: ${remedy(log)}`, field);
  }
}

/**
 * Refuses to start a log at `path` (`init`, a copy's TO) when a log already sits where this one's
 * index or bookmarks would be written (`${path}.index`, a log started first, which `refuseSideFile`
 * allows): storing them, renamed over it, would destroy that log. Its head anchor is checked apart.
 */
export function refuseLogAtSideFile(path: string, field?: string): void {
  const taken = ['.index', '.bookmarks.json'].map((suffix) => `${path}${suffix}`).find(startsAsLog);
  if (taken) throw new IncumbentError('conflict', `cannot start a log at ${path}: ${taken} is a log, and this one's ${taken.endsWith('.index') ? 'index' : 'bookmarks'} would be written over it; give this log another name`, field);
}

/** The most of a file read to find its first line: a log's first record is far shorter. */
const FIRST_LINE_BYTES = 64 << 10;

/** Whether `path` is a regular file whose first line is a log's first record (`log.created`). */
function startsAsLog(path: string): boolean {
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const bytes = Buffer.alloc(FIRST_LINE_BYTES);
    const read = readSync(fd, bytes, 0, bytes.length, 0);
    const end = bytes.subarray(0, read).indexOf(10);
    return end > 0 && (JSON.parse(bytes.toString('utf8', 0, end)) as { type?: unknown } | null)?.type === 'log.created';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const statReasons: Record<string, string> = { ELOOP: 'its symbolic links lead round in a loop', EACCES: 'permission denied', ENOTDIR: 'a part of its path is not a folder', ENAMETOOLONG: 'its name is too long' };

/**
 * Refuses a URL of a kind no log is (`pg://`, `postgre://`: a slip for postgres://), which would be
 * taken for a file path, and printed, password and all, in every message about that file. Only
 * its scheme is named.
 */
export function refuseOtherUrl(path: string, field = '--log'): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(path)?.[1];
  if (scheme && !isPostgresUrl(path)) throw new IncumbentError('invalid', `is a ${scheme}:// URL, which no log is: give a file path, or a postgres:// URL (postgres://user@host/database?log=NAME)`, field);
  // A postgres URL short of a slash or its colon (postgres:/alice:pw@..., postgres//alice@...): the same
  // slip, the same password. (A folder named postgres, doubled slash and all, names no user@.)
  if (!scheme && /^postgres(ql)?(:|\/\/[^/]*@)/i.test(path)) throw new IncumbentError('invalid', 'is a postgres URL without its "://": give postgres://user@host/database?log=NAME, or a file path', field);
}

/** True when `path` is a regular file, false when nothing is there; throws `invalid` otherwise. */
export function isLogFile(path: string): boolean {
  refuseOtherUrl(path);
  refuseSideFile(path);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new IncumbentError('invalid', `cannot read ${path}: ${statReasons[code ?? ''] ?? code ?? (error as Error).message}`);
  }
  if (!stat.isFile()) throw new IncumbentError('invalid', `${path} is ${stat.isDirectory() ? 'a folder' : 'not a regular file'}, not a log file`);
  return true;
}

/** Throws `not-found` unless `path` is an existing log file. */
export function requireLogFile(path: string): void {
  if (!isLogFile(path)) throw noLogAt(path);
}

/** There is no log at `path`: said with how to start one, whichever command looked for it. */
export const noLogAt = (path: string) => new IncumbentError('not-found', `no log at ${path} (start one with: incumbent init --log ${path} --title "...")`);
