/**
 * A lock left by a writer that died names a pid the system may have given to another process since
 * (soon after a restart, a daemon may hold it). That process is alive, so the lock looked held for
 * ever, and every append was refused as "already open for writing by process N". The lock also
 * names which process that pid was (`process-start.ts`); another one is not the owner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogLock } from './lock';
import { processStart } from './process-start';

const told = processStart(process.pid) !== undefined;
let other: ChildProcess;
beforeAll(() => {
  other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
});
afterAll(() => {
  other.kill();
});

/** A lock file as a writer that died would have left it, naming `other`'s pid. */
function leftBy(fields: Record<string, unknown>): string {
  const log = join(mkdtempSync(join(tmpdir(), 'incumbent-lock-')), 'log.jsonl');
  writeFileSync(`${log}.lock`, JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', nonce: randomUUID(), ...fields }));
  return log;
}

describe.skipIf(!told)(`a lock whose pid now names another process${told ? '' : ' (skipped: this system does not say when a process started: no /proc)'}`, () => {
  it('is reclaimed: the pid is alive, but it is not the process that took the lock', () => {
    const log = leftBy({ start: 'a-boot-before-this-one/4242' });
    const lock = LogLock.acquire(log);
    expect(JSON.parse(readFileSync(`${log}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, start: processStart(process.pid) });
    lock.release();
  });

  it('is held while that same process lives, and so is a lock written before locks named the process', () => {
    expect(() => LogLock.acquire(leftBy({ start: processStart(other.pid!) }))).toThrow(/already open for writing by process/);
    expect(() => LogLock.acquire(leftBy({}))).toThrow(/already open for writing by process/);
  });
});
