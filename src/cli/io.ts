/** What a CLI command may touch besides files: injectable so tests run commands in-process. */
import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { IncumbentError } from '../core/errors';
import { decodeUtf8 } from '../core/utf8';
import { realLogPath } from '../store/log-file';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return decodeUtf8(Buffer.concat(chunks), 'standard input', 'INPUT');
  },
};

const reasons: Record<string, string> = { ENOENT: 'there is no such file', EISDIR: 'it is a folder, not a file', EACCES: 'permission denied', EPERM: 'permission denied' };

/**
 * Reads an input file named on the command line; a problem is bad input (exit 1), said plainly. A
 * pipe is read to its end (`<(generate)`), a device refused: /dev/zero never ends.
 */
export function readInput(path: string, option: string): string {
  try {
    const stats = statSync(path);
    if (stats.isCharacterDevice() || stats.isBlockDevice() || stats.isSocket()) throw new IncumbentError('invalid', `cannot read ${path}: it is a device or socket, not a file`, option);
    return decodeUtf8(readFileSync(path), path, option);
  } catch (error) {
    if (error instanceof IncumbentError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new IncumbentError('invalid', `cannot read ${path}: ${reasons[code] ?? (error as Error).message}`, option);
  }
}

/** Writes an output file named on the command line; a problem is bad input (exit 1), said plainly. */
export function writeOutput(path: string, text: string, option: string): void {
  try {
    replaceWhole(path, Buffer.from(text));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = code === 'ENOENT' ? `there is no folder ${dirname(path)}` : (reasons[code] ?? (error as Error).message);
    throw new IncumbentError('invalid', `cannot write ${path}: ${reason}`, option);
  }
}

/**
 * A regular file (or none) at `path` is replaced whole: the bytes are written beside it, fsynced and
 * renamed over it (its real path: a symbolic link to it stays one), so a write that fails part way
 * (a full disk, a file-size limit, a kill) leaves the old file as it was, not the first part of the
 * new one. Anything else there (a pipe, /dev/stdout, a folder to report) is written to as it is.
 */
function replaceWhole(path: string, bytes: Buffer): void {
  const real = realLogPath(path);
  const old = statSync(real, { throwIfNoEntry: false });
  if (old && !old.isFile()) return writeFileSync(path, bytes);
  const partial = `${real}.${randomUUID()}.tmp`;
  try {
    const fd = openSync(partial, 'wx', old ? old.mode & 0o777 : 0o666);
    try {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, real);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
