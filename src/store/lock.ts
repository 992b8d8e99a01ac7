/**
 * One writer per log: a lock file beside it, reclaimed only when its owner is gone.
 *
 * Every step that decides who holds the lock is one atomic file-system operation:
 * - Acquiring is `link(tmp, lock)`: the lock appears with its owner already written in it, or the
 *   call fails because a lock exists. There is never an empty lock to misread.
 * - Reclaiming a stale lock is done by at most one process: the one that first creates
 *   `<lock>.reclaim-<identity of the stale lock>` (the same atomic acquire, one level down). It checks
 *   that the lock still has that identity, removes it, and then competes for the lock like anyone
 *   else. Nobody else may remove a lock of that identity, and its dead owner never will, so the
 *   check and the removal cannot be separated by another writer's success.
 * A lost race is a plain "locked by ..." error, never a raw errno.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { IncumbentError } from '../core/errors';
import { besideLog } from './log-file';
import { processStart } from './process-start';
import { readRegularFile } from './regular-file';

interface Owner {
  pid: number;
  host: string;
  since: string;
  /** Unique per acquisition: what names a lock when it must be reclaimed. */
  nonce: string;
  /** Which process `pid` was (`process-start.ts`), where the system tells: a pid given to another process since is not the owner. */
  start?: string;
}

/** What a lock file says, and whether its owner can still be alive. */
interface Holder {
  owner: Partial<Owner> | undefined;
  identity: string;
  stale: boolean;
}

/** A lock file with no readable owner is stale once it is this old: no writer of ours leaves one. */
const UNREADABLE_GRACE_MS = 2_000;
/** More than a lock file's owner (a line of JSON) ever takes. */
const LOCK_BYTES = 64 << 10;

/** Whether a process with this number runs on this machine (one that may not be signalled runs too). */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Whether the owner's pid now names another process (reused after the owner died, or after a restart). */
const isAnother = (owner: Partial<Owner>): boolean => {
  if (typeof owner.start !== 'string') return false;
  const now = processStart(owner.pid!);
  return now !== undefined && now !== owner.start;
};

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

function readHolder(path: string): Holder | undefined {
  let text: string;
  let stat;
  try {
    stat = statSync(path, { bigint: true });
    // Not a plain read: a FIFO put at the lock's name would block it for ever, a device fill memory.
    const bytes = readRegularFile(path, LOCK_BYTES);
    if (!bytes) return undefined;
    text = bytes.toString('utf8');
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  }
  let owner: Partial<Owner> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && typeof (parsed as Owner).pid === 'number') owner = parsed as Partial<Owner>;
  } catch {
    owner = undefined;
  }
  // Locks written before nonces existed, or unreadable ones, are named by their inode and change time.
  const identity = typeof owner?.nonce === 'string' && /^[0-9a-f-]{36}$/.test(owner.nonce) ? owner.nonce : `i${stat.ino}-${stat.ctimeNs}`;
  const stale = owner
    ? owner.host === hostname() && (!isAlive(owner.pid!) || isAnother(owner))
    : Date.now() - Number(stat.mtimeMs) > UNREADABLE_GRACE_MS;
  return { owner, identity, stale };
}

const describeHolder = (holder: Holder | undefined) =>
  holder?.owner ? `process ${holder.owner.pid} on ${holder.owner.host} since ${holder.owner.since}` : 'another process';

/** Creates `path` holding `owner`, atomically, reclaiming a stale one; throws `locked` otherwise. */
function claim(path: string, owner: Owner, what: string): void {
  const tmp = `${path}.${owner.nonce}.tmp`;
  const fd = openSync(tmp, 'wx');
  // Removed whatever happens: a write that fails (a full disk) must not leave it behind.
  try {
    try {
      // All of the owner: a write may take part of it (a full disk), and a part is an unreadable
      // lock, which any process takes for stale after two seconds and reclaims from a live writer.
      const bytes = Buffer.from(JSON.stringify(owner));
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // Two tries: the second follows the removal of a stale lock (or a lock released meanwhile).
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        linkSync(tmp, path);
        return;
      } catch (error) {
        if (code(error) !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (holder && !holder.stale) throw new IncumbentError('locked', `${what} is already open for writing by ${describeHolder(holder)}. Close it there first (lock file: ${path}).`);
      if (holder && attempt === 0) removeStale(path, holder, owner, what);
    }
    throw new IncumbentError('locked', `${what} is being opened for writing by another process at this moment (lock file: ${path}). Try again.`);
  } finally {
    unlinkSync(tmp);
  }
}

/** Removes a stale lock, as the one process allowed to remove a lock of that identity. */
function removeStale(path: string, stale: Holder, owner: Owner, what: string): void {
  const reclaim = `${path}.reclaim-${stale.identity}`;
  claim(reclaim, owner, what);
  try {
    if (readHolder(path)?.identity !== stale.identity) return;
    unlinkSync(path);
  } finally {
    unlinkSync(reclaim);
  }
}

/** Whether a live process holds the lock of the log at `logPath`: a writer, which may be appending now. */
export function heldByLiveWriter(logPath: string): boolean {
  try {
    const holder = readHolder(besideLog(logPath, '.lock'));
    return holder !== undefined && !holder.stale;
  } catch {
    return false;
  }
}

export class LogLock {
  readonly path: string;
  #nonce = '';
  #held = false;
  readonly #releaseOnExit = () => this.release();

  private constructor(path: string) {
    this.path = path;
  }

  /** Takes the lock for `logPath` or throws a `locked` error naming who holds it. */
  static acquire(logPath: string): LogLock {
    const lock = new LogLock(`${logPath}.lock`);
    const start = processStart(process.pid);
    const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomUUID(), ...(start ? { start } : {}) };
    try {
      claim(lock.path, owner, logPath);
    } catch (error) {
      if (error instanceof IncumbentError) throw error;
      throw new IncumbentError(code(error) === 'EACCES' || code(error) === 'EROFS' ? 'invalid' : 'io', `cannot lock ${logPath} for writing: ${(error as Error).message}`);
    }
    lock.#held = true;
    lock.#nonce = owner.nonce;
    process.once('exit', lock.#releaseOnExit);
    return lock;
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    process.removeListener('exit', this.#releaseOnExit);
    try {
      // Never remove a lock that is no longer ours (taken over by someone who thought us gone).
      if (readHolder(this.path)?.identity === this.#nonce) unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
