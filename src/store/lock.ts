/** One writer per log: an exclusive lock file beside it, reclaimed only when its owner is gone. */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { IncumbentError } from '../core/errors';

interface Owner {
  pid: number;
  host: string;
  since: string;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const readOwner = (path: string): Owner | undefined => {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Owner;
  } catch {
    return undefined;
  }
};

export class LogLock {
  readonly path: string;
  #held = false;
  readonly #releaseOnExit = () => this.release();

  private constructor(path: string) {
    this.path = path;
  }

  /** Takes the lock for `logPath` or throws a `locked` error naming who holds it. */
  static acquire(logPath: string): LogLock {
    const lock = new LogLock(`${logPath}.lock`);
    const owner: Owner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        writeFileSync(lock.path, JSON.stringify(owner), { flag: 'wx' });
        lock.#held = true;
        process.once('exit', lock.#releaseOnExit);
        return lock;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = readOwner(lock.path);
        // A lock left by a process that no longer exists on this machine is stale: reclaim it once.
        if (holder && holder.host === owner.host && !isAlive(holder.pid) && attempt === 0) {
          unlinkSync(lock.path);
          continue;
        }
        const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.since}` : 'another process';
        throw new IncumbentError('locked', `${logPath} is already open for writing by ${who}. Close it there first (lock file: ${lock.path}).`);
      }
    }
    throw new IncumbentError('locked', `could not lock ${logPath}`);
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    process.removeListener('exit', this.#releaseOnExit);
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
