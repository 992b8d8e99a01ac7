/**
 * `copy` to a file puts the copy in place, then writes its head anchor. When that write failed (a
 * full disk: seen on a 64 KiB tmpfs with room for the copy and not its anchor) the command failed,
 * exit 2, yet left the whole copy at TO with an empty anchor: a second try was refused ("not
 * empty"), and the log left there had no anchor. A copy that fails leaves nothing at TO.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';

/** While set, an anchor's write fails as on a full disk. */
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('./head-anchor', async (original) => {
  const module = await original<typeof import('./head-anchor')>();
  class AnchorWriter extends module.AnchorWriter {
    override write(anchor: Parameters<InstanceType<typeof module.AnchorWriter>['write']>[0]): void {
      if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      super.write(anchor);
    }
  }
  return { ...module, AnchorWriter };
});

const { copyLog } = await import('./copy-log');

describe('a file copy whose anchor cannot be written', () => {
  it('fails with nothing left at TO, and a second try makes the copy', async () => {
    const to = join(mkdtempSync(join(tmpdir(), 'incumbent-copy-anchor-')), 'copy.jsonl');
    disk.full = true;
    try {
      // One sentence naming the copy that could not be written, not the system's words alone.
      await expect(copyLog(BUILT_IN_LOG, to)).rejects.toMatchObject({ code: 'io', message: expect.stringMatching(/^TO: the copy could not be written to .*copy\.jsonl \(ENOSPC: no space left on device, write\); nothing was left there$/) });
    } finally {
      disk.full = false;
    }
    expect(existsSync(to)).toBe(false);
    expect(existsSync(`${to}.head`)).toBe(false);
    await expect(copyLog(BUILT_IN_LOG, to)).resolves.toMatchObject({ records: expect.any(Number) });
  });
});
