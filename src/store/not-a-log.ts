/**
 * A file refused at its first line may be no log at all: a snapshot (`snapshot --out`) given as
 * `--log` is a usage mistake, and said as one (exit 1), not as a log damaged from its first line
 * (exit 2, "restore it from a backup"), which sends the user looking for damage that is not there.
 */
import { fstatSync } from 'node:fs';
import { IncumbentError } from '../core/errors';
import { readFully } from './read-fully';

/** Larger than any snapshot needs; only a file refused at line 1 is read whole, and only up to this. */
const MOST_SNAPSHOT_BYTES = 64 << 20;

const refusedAtFirstLine = (error: unknown) => error instanceof IncumbentError && error.code === 'damaged' && error.message.startsWith('line 1: ');

/** The error to report for `error`, met reading the log open on `fd` at `path`: "a snapshot, not a log" when it is one. */
export function snapshotNotLog(fd: number, path: string, error: unknown): unknown {
  if (!refusedAtFirstLine(error)) return error;
  try {
    const size = fstatSync(fd).size;
    if (size > MOST_SNAPSHOT_BYTES) return error;
    const bytes = Buffer.alloc(size);
    const value = JSON.parse(bytes.subarray(0, readFully(fd, bytes, 0)).toString('utf8')) as { format?: unknown; provenance?: { log?: { title?: unknown } } };
    if (typeof value?.format !== 'string' || !value.format.startsWith('incumbent.snapshot/')) return error;
    const title = value.provenance?.log?.title;
    const from = typeof title === 'string' ? ` ("${title}")` : '';
    return new IncumbentError('invalid', `${path} is a snapshot (${value.format}), not a log: give the log it was made from${from}, a JSON Lines file (to check a snapshot against its log: incumbent verify --log LOG --snapshot ${path})`);
  } catch {
    // Not JSON as a whole either (or unreadable now): the damage as found.
    return error;
  }
}
