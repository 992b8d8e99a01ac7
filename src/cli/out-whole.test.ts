/**
 * `snapshot --out` wrote over the file at its path in place: a write that failed part way (a full
 * disk, a file-size limit, a kill) left the first bytes of the new snapshot there, and the snapshot
 * it replaced was gone. Under `ulimit -f 4` (4 KiB), an 8.7 KB snapshot left a 4,096-byte file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
const snapshotTo = (out: string, at = '2023-11-18T12:00:00-08:00') => run(['snapshot', '--at', at, '--out', out]);

describe('snapshot --out', () => {
  it('leaves the file it would replace as it was when the write fails part way, and nothing else beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-out-whole-'));
    const out = join(dir, 'snap.json');
    expect((await snapshotTo(out)).code).toBe(0);
    const before = readFileSync(out);
    expect(before.length).toBeGreaterThan(4 * 1024);
    // A process may write at most 4 KiB to any file (Node ignores SIGXFSZ: the write fails with EFBIG).
    const limited = spawnSync('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${bin}" snapshot --at 2023-11-20T12:00:00-08:00 --out "${out}"`], { encoding: 'utf8', timeout: 60_000 });
    expect(limited.status, limited.stderr).toBe(1);
    expect(limited.stderr).toMatch(/--out: cannot write .*EFBIG/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['snap.json']);
  }, 90_000);

  it('replaces a snapshot whole, through a symbolic link to it too (the link stays a link)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-out-whole-'));
    const [out, link] = [join(dir, 'snap.json'), join(dir, 'link.json')];
    expect((await snapshotTo(out)).code).toBe(0);
    symlinkSync(out, link);
    expect((await snapshotTo(link, '2023-11-20T12:00:00-08:00')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ provenance: expect.anything() });
    expect(readFileSync(out, 'utf8')).toContain('2023-11-20');
    expect(readdirSync(dir).sort()).toEqual(['link.json', 'snap.json']);
  });
});
