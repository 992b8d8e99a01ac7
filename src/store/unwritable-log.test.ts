/**
 * A log or anchor this user may not write (read-only for them, or marked immutable) was refused
 * with Node's words alone: "EPERM: operation not permitted, open '.../a.jsonl'". Found by the
 * adversarial review with `chattr +i`. It is now said in a sentence, naming the file, and nothing is written.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.test-support';

/** Makes `path` unwritable for this process until the returned undo: by its mode, or for root (whom modes do not stop) by `chattr +i`. */
function unwritable(path: string): () => void {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
  return () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
}

/** Why this machine cannot make a file unwritable for this process (root where the file system has no immutable flag), if it cannot. */
function cannotMakeUnwritable(): string | undefined {
  const probe = join(mkdtempSync(join(tmpdir(), 'incumbent-unwritable-')), 'probe');
  writeFileSync(probe, '');
  try {
    unwritable(probe)();
    return undefined;
  } catch (error) {
    return `running as root, and chattr +i failed here (${(error as Error).message.split('\n')[0]})`;
  }
}
const skipped = cannotMakeUnwritable();
if (skipped) console.log(`[test] SKIPPED unwritable-log.test.ts: ${skipped}`);

const EVENT = { id: 'e1', type: 'board.joined', subject: 'acme', time: '2024-01-05T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'A gazette', quote: 'Bob joins.' }, person: { id: 'bob', name: 'Bob' } } };

describe.skipIf(skipped !== undefined)(`a log this user may not write${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it.each([['the log', ''], ['its anchor', '.head']])('%s: append says so, naming the file, and writes nothing', async (_what, suffix) => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-unwritable-'));
    const log = join(dir, 'a.jsonl');
    expect((await runCli(['init', '--log', log, '--title', 'A', '--company', 'acme'])).code).toBe(0);
    writeFileSync(join(dir, 'events.jsonl'), `${JSON.stringify(EVENT)}\n`);
    const before = [readFileSync(log), readFileSync(`${log}.head`)];
    const undo = unwritable(`${log}${suffix}`);
    try {
      const { code, err } = await runCli(['append', '--log', log, join(dir, 'events.jsonl')]);
      expect(err).toBe(`incumbent append: cannot write ${log}${suffix}: this user may not write it (its permissions, or it is marked immutable); nothing was written\n`);
      expect(code).toBe(2);
    } finally {
      undo();
    }
    expect([readFileSync(log), readFileSync(`${log}.head`)]).toEqual(before);
    // Writable again, the same append goes in.
    expect((await runCli(['append', '--log', log, join(dir, 'events.jsonl')])).code).toBe(0);
  });
});
