/**
 * File > Import in the desktop app: the file the user picks is read in the main process, so it is
 * held to what `log:import` takes over every other transport (the web page's import goes through
 * the contract), and a file that is no file (a FIFO, a device) is refused, never read.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { MAX_IMPORT_CHARS } from '../core/contract';
import { LogSession } from '../service/session';

const picked = vi.hoisted(() => ({ path: '' }));
vi.mock('electron', () => ({
  dialog: { showOpenDialog: async () => ({ canceled: false, filePaths: [picked.path] }) },
  clipboard: { writeText: () => {} },
}));
const { desktopHandlers } = await import('./desktop');

let dir: string, log: string, session: LogSession, importFile: () => Promise<unknown>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incumbent-import-'));
  log = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, log);
  session = new LogSession({ appVersion: 'test' });
  await session.open(log);
  const handlers = desktopHandlers(session, {} as never, {} as never, () => ({}) as never, () => {});
  importFile = () => handlers['events:importFile']({});
});
afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const refusal = (promise: Promise<unknown>) => promise.then(() => undefined, (error: Error & { code?: string; field?: string }) => ({ code: error.code, field: error.field, message: error.message }));

describe('events:importFile', () => {
  it('refuses a file longer than log:import takes, as the other transports do, and writes nothing', async () => {
    const before = readFileSync(log);
    picked.path = join(dir, 'huge.jsonl');
    writeFileSync(picked.path, Buffer.alloc(MAX_IMPORT_CHARS + 1, 'x'));
    expect(await refusal(importFile())).toMatchObject({ code: 'invalid', field: 'jsonl', message: expect.stringMatching(/longer than 64 Mi characters.*incumbent append/) });
    expect(readFileSync(log)).toEqual(before);
  });

  it('refuses a FIFO at once instead of reading whatever a writer sends', async () => {
    picked.path = join(dir, 'events.jsonl');
    spawn('mkfifo', [picked.path]).once('exit', () => {});
    await new Promise((r) => setTimeout(r, 200));
    // A writer that holds the FIFO open for a while: a read of it would block the main process meanwhile.
    const writer = spawn('sh', ['-c', `exec 3>"${picked.path}"; sleep 2`]);
    try {
      const started = performance.now();
      expect(await refusal(importFile())).toMatchObject({ code: 'invalid', message: expect.stringMatching(/not a regular file/) });
      expect(performance.now() - started).toBeLessThan(1_500);
    } finally {
      writer.kill();
    }
  });
});
