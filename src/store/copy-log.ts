/**
 * `incumbent copy FROM TO`: a log moved between a file and PostgreSQL (either way, or file to file,
 * database to database) with its lines byte for byte, so the copy has the same seqs, chain and
 * head, and gives byte-identical snapshots. The target must be empty; nothing is overwritten.
 */
import { closeSync, existsSync, fdatasyncSync, openSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { IncumbentError } from '../core/errors';
import { anchorPath, AnchorWriter, fsyncDirectoryOf, readAnchor } from './head-anchor';
import { LogLock } from './lock';
import { isFolder, realLogPath, refuseLogAtSideFile, refuseOtherUrl, refuseSideFile } from './log-file';
import { isPostgresUrl, openLogStore, type LogStore } from './log-store';
import { sha256 } from './seal';

/** The stored lines of an open log; each is re-checked against the hash the chain was verified with. */
export function* linesOf(store: LogStore): Generator<{ seq: number; id: string; line: string }> {
  for (const record of store.ledger.records()) {
    const line = JSON.stringify(record);
    if (sha256(line) !== store.hashOf(record.seq)) throw new IncumbentError('damaged', `record #${record.seq} does not serialise back to the bytes it was read from; it cannot be copied byte for byte`);
    yield { seq: record.seq, id: record.id, line };
  }
}

/**
 * Writes lines to a new (or empty) log file, fsynced, with its head anchor. They are written beside
 * it (`.copying`, under its lock) and put in its place whole: a copy stopped halfway (killed, a
 * full disk) would otherwise leave a shorter log that opens, verifies and takes appends as if it were all.
 */
function writeLogFile(to: string, lines: Iterable<{ seq: number; line: string }>): number {
  refuseOtherUrl(to, 'TO');
  // Its one name, as a writer opening it locks it: the file is put in place there, not over a link to it.
  const path = realLogPath(to);
  // Before the lock and the copy: a log copied there would take the place of another's anchor, index or lock.
  refuseSideFile(to, () => 'give the copy a name of its own', 'TO');
  if (!existsSync(to)) refuseLogAtSideFile(to, 'TO');
  // Before the lock, which would be taken beside the folder, in its parent.
  if (isFolder(path)) throw new IncumbentError('invalid', `${to} is a folder, not a log file: give the copy a file name, such as ${join(to, 'copy.jsonl')}`, 'TO');
  // A pipe or a device has size 0, as an empty file: the copy was renamed over it (/dev/null too, through a link).
  refuseOtherThanFile(path, to);
  const lock = LogLock.acquire(path);
  const partial = `${path}.copying`;
  /** Once the copy is in place: a failure after it (its anchor's write) takes it away again. */
  let placed = false;
  try {
    // Again under the lock: what is there now is what the copy is renamed over.
    if (refuseOtherThanFile(path, to)?.size) throw new IncumbentError('conflict', `${path} is not empty; copy never overwrites a log`, 'TO');
    // An empty one, left by an init stopped before its first write, named no head: as good as none (as init takes it).
    if (readAnchor(path) !== 'missing') throw new IncumbentError('conflict', `${path}.head exists (the anchor of another log); remove it first`, 'TO');
    // Left by a copy that was stopped (this lock is ours now), or put there: removed, never written
    // through. A link there (symbolic or hard) would have the copy written over the file it names.
    rmSync(partial, { force: true });
    const fd = openSync(partial, 'wx');
    let last = { seq: 0, line: '' };
    try {
      let buffered: string[] = [];
      let size = 0;
      const flush = () => {
        const bytes = Buffer.from(buffered.length ? `${buffered.join('\n')}\n` : '');
        // A write may take fewer bytes than it was given (a file-size limit): the rest follows.
        for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
        buffered = [];
        size = 0;
      };
      for (const row of lines) {
        buffered.push(row.line);
        size += row.line.length;
        last = row;
        if (size > 8 << 20) flush();
      }
      flush();
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, path);
    placed = true;
    fsyncDirectoryOf(path);
    const anchor = new AnchorWriter(path);
    try {
      if (last.seq > 0) anchor.write({ seq: last.seq, hash: sha256(last.line) });
    } finally {
      anchor.close();
    }
    return last.seq;
  } catch (error) {
    rmSync(partial, { force: true });
    // Nothing at TO for a copy that failed: a retry would be refused as "not empty". (No anchor
    // was there before it, or one that named no head, as checked above.)
    if (placed) for (const file of [path, anchorPath(path)]) rmSync(file, { force: true });
    if (error instanceof IncumbentError) throw error;
    throw new IncumbentError('io', `the copy could not be written to ${path} (${(error as Error).message}); nothing was left there`, 'TO');
  } finally {
    lock.release();
  }
}

/** What is at `path` (undefined for nothing), refused unless it is a regular file, as `init` refuses it. */
function refuseOtherThanFile(path: string, to: string): Stats | undefined {
  let there: Stats | undefined;
  try {
    there = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new IncumbentError('invalid', `cannot write a copy at ${to}: ${(error as Error).message}`, 'TO');
  }
  if (there && !there.isFile()) throw new IncumbentError('invalid', `${to} is not a regular file (a pipe, a device or a socket), not a log file: give the copy a file name of its own`, 'TO');
  return there;
}

export interface CopyResult {
  records: number;
  head: { seq: number; hash: string };
}

/**
 * Copies the log at `from` to `to`, then checks the copy: a file is re-opened (verifying its chain)
 * and must end at the same head; a PostgreSQL log is read back and every line compared with the
 * source's, byte for byte. Every line is checked against its verified hash on the way; the caller refuses
 * a damaged source first (the CLI runs `verify` on it), since a read-only open answers past damage.
 */
export async function copyLog(from: string, to: string): Promise<CopyResult> {
  if (from === to) throw new IncumbentError('invalid', 'is the same log as FROM', 'TO');
  const source = await openLogStore(from, { readOnly: true });
  try {
    const head = { seq: source.ledger.head, hash: source.hashOf(source.ledger.head) };
    let records: number;
    if (isPostgresUrl(to)) {
      const { importLines } = await import('./postgres/pg-import');
      const { checkCopy } = await import('./postgres/pg-check-copy');
      records = await importLines(to, linesOf(source));
      // Read back, every line compared with the verified source's hash (pg-check-copy.ts says why not a re-open).
      await checkCopy(to, (seq) => source.hashOf(seq), head.seq);
      return { records, head };
    }
    records = writeLogFile(to, linesOf(source));
    const copy = await openLogStore(to, { readOnly: true });
    try {
      if (copy.ledger.head !== head.seq || copy.hashOf(head.seq) !== head.hash) throw new IncumbentError('damaged', `the copy at ${copy.path} does not end at #${head.seq} ${head.hash}`);
    } finally {
      await copy.close();
    }
    return { records, head };
  } finally {
    await source.close();
  }
}
