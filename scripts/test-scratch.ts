/**
 * A test run's scratch files in one folder of its own, removed when the run ends. The tests make a
 * folder for each log they write (`mkdtemp` in the system's temporary folder) and leave it for a
 * failure to be looked at; over many runs they filled this machine's disk (77 GB, found when a CI
 * run failed with ENOSPC). Set as the temporary folder (`TMPDIR`) before any test process starts,
 * so `os.tmpdir()` names it in every worker and in every process a test starts.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useScratchFolder(name: string): () => void {
  const scratch = mkdtempSync(join(tmpdir(), `incumbent-${name}-`));
  // Passable by other users (not listable), as the system's is: the PostgreSQL tests run their
  // server as the postgres user, in a folder of theirs inside this one.
  chmodSync(scratch, 0o711);
  process.env.TMPDIR = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
