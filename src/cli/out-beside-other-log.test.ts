/**
 * `snapshot --out` refused the log it read and the files kept beside it, and any file of event
 * lines, but not the files kept beside another log. `--out other.jsonl.bookmarks.json` replaced
 * that log's bookmarks (lowdb writes them pretty-printed, opening with "{" alone, as a snapshot
 * does), and `--out other.jsonl.head` beside a log with no anchor yet gave it one it could not read:
 * `append` to it was refused from then on. Both are refused now, and nothing is written.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli as run } from './run-cli.test-support';

const snapshotTo = (out: string) => run(['snapshot', '--at', '2023-11-20T12:00:00-08:00', '--out', out]);

describe('snapshot --out beside another log', () => {
  it('does not write over its bookmarks, nor start its head anchor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-out-beside-'));
    const other = join(dir, 'other.jsonl');
    copyFileSync(BUILT_IN_LOG, other);
    const bookmarks = `${other}.bookmarks.json`;
    writeFileSync(bookmarks, `${JSON.stringify({ bookmarks: [{ name: 'fired', at: '2023-11-17T12:00:00-08:00' }] }, null, 2)}\n`);
    const before = readFileSync(bookmarks);
    for (const [path, what] of [[bookmarks, 'bookmarks'], [`${other}.head`, 'head anchor']] as const) {
      const { code, err } = await snapshotTo(path);
      expect(code).toBe(1);
      expect(err).toContain(`--out: ${path} is the ${what} kept beside the log ${other}`);
    }
    expect(readFileSync(bookmarks)).toEqual(before);
    expect(existsSync(`${other}.head`)).toBe(false);
  });
});
