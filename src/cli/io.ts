/** What a CLI command may touch besides files: injectable so tests run commands in-process. */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { IncumbentError } from '../core/errors';
import { decodeUtf8 } from '../core/utf8';

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
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = code === 'ENOENT' ? `there is no folder ${dirname(path)}` : (reasons[code] ?? (error as Error).message);
    throw new IncumbentError('invalid', `cannot write ${path}: ${reason}`, option);
  }
}
