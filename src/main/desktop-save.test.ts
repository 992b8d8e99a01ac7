/**
 * Save Snapshot… and Export Events… write where the save dialog says. A FIFO there (the dialog
 * lists one, and asks only whether to replace it) was opened for writing in the main process, which
 * blocks until something reads it: every window hung meanwhile. Only a regular file, or a new one, is written.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { LogSession } from '../service/session';

const picked = vi.hoisted(() => ({ path: '' }));
vi.mock('electron', () => ({
  dialog: { showSaveDialog: async () => ({ canceled: false, filePath: picked.path }) },
  clipboard: { writeText: () => {} },
}));
const { desktopHandlers } = await import('./desktop');

let dir: string, session: LogSession, handlers: ReturnType<typeof desktopHandlers>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incumbent-save-'));
  copyFileSync(BUILT_IN_LOG, join(dir, 'log.jsonl'));
  session = new LogSession({ appVersion: 'test' });
  await session.open(join(dir, 'log.jsonl'));
  handlers = desktopHandlers(session, {} as never, {} as never, () => ({}) as never, () => {});
});
afterAll(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = { at: '2023-11-18T12:00:00-08:00', company: 'openai' };
const outcome = (promise: Promise<unknown>) => promise.then((value) => ({ value }), (error: Error & { code?: string }) => ({ code: error.code, message: error.message }));

describe('saving where the dialog says', () => {
  it.each(['snapshot:save', 'events:save'] as const)('%s refuses a FIFO at once, without waiting for a reader', async (operation) => {
    picked.path = join(dir, `${operation.replace(':', '-')}.fifo`);
    execFileSync('mkfifo', [picked.path]);
    // A reader that comes only later: a write that waited for it would take this long, then succeed.
    const reader = spawn('sh', ['-c', `sleep 1.5; cat "${picked.path}" > /dev/null`]);
    try {
      const started = performance.now();
      const result = await outcome(handlers[operation](request as never));
      expect(result).toMatchObject({ code: 'invalid', message: expect.stringMatching(/not a regular file/) });
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      reader.kill();
    }
  });

  it('still replaces a regular file, and writes a new one', async () => {
    picked.path = join(dir, 'old.snapshot.json');
    writeFileSync(picked.path, 'x'.repeat(100_000));
    expect(await outcome(handlers['snapshot:save'](request))).toEqual({ value: { path: picked.path } });
    const text = readFileSync(picked.path, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: expect.any(String) });
    picked.path = join(dir, 'new.jsonl');
    expect(await outcome(handlers['events:save']({}))).toEqual({ value: { path: picked.path } });
    expect(readFileSync(picked.path)).toEqual(readFileSync(join(dir, 'log.jsonl')));
  });
});
