/**
 * `snapshot --out` refused the log it read, but wrote over any other log (or events file) named by
 * a slip: another log, even one the web host held open for writing, became a snapshot, its history
 * gone. A file of event lines is never a snapshot's to replace; an older snapshot still is.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli as run } from './run-cli.test-support';

const snapshotTo = (out: string) => run(['snapshot', '--at', '2023-11-20T12:00:00-08:00', '--out', out]);

describe('snapshot --out', () => {
  it('does not write over another log or an events file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-out-'));
    const [other, events] = [join(dir, 'other.jsonl'), join(dir, 'events.jsonl')];
    copyFileSync(BUILT_IN_LOG, other);
    writeFileSync(events, '{"id":"a-1","type":"board.joined","subject":"acme"}\n');
    // Append skips blank lines, so an events file may open with more of them than one read holds.
    const padded = join(dir, 'padded.jsonl');
    writeFileSync(padded, `${'\n'.repeat(5000)}{"id":"a-1","type":"board.joined","subject":"acme"}\n`);
    // A first key written with an escape ("\u0063ompanies") is no snapshot's key, whatever it spells.
    const escaped = join(dir, 'escaped.jsonl');
    writeFileSync(escaped, '{"\\u0063ompanies":1,"id":"a-1","type":"board.joined"}\n');
    for (const path of [other, events, padded, escaped]) {
      const before = readFileSync(path);
      const { code, err } = await snapshotTo(path);
      expect(code).toBe(1);
      expect(err).toMatch(/--out: .* holds event lines \(a log or an events file\): write the snapshot elsewhere/);
      expect(readFileSync(path)).toEqual(before);
    }
  });

  it('replaces an older snapshot, and writes a new file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'incumbent-out-')), 'snap.json');
    expect((await snapshotTo(out)).code).toBe(0);
    writeFileSync(out, '{}');
    expect((await snapshotTo(out)).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toMatch(/^incumbent\.snapshot\//);
    // The same snapshot on one line, as jq -c or a client keeps it, is still a snapshot.
    writeFileSync(out, JSON.stringify(JSON.parse(readFileSync(out, 'utf8'))));
    expect((await snapshotTo(out)).code).toBe(0);
  });
});
