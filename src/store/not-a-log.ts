/**
 * A file refused at its first line may be no log at all: a snapshot (`snapshot --out`) given as
 * `--log` is a usage mistake, and said as one (exit 1), not as a log damaged from its first line
 * (exit 2, "restore it from a backup"), which sends the user looking for damage that is not there.
 * A snapshot on one line with no newline after it (as a minifier or `JSON.stringify` writes it) is
 * not refused but read as a torn first line: it is said as a snapshot all the same.
 */
import { fstatSync } from 'node:fs';
import { IncumbentError } from '../core/errors';
import { shownText } from '../core/shown-text';
import { readFully } from './read-fully';

/** Larger than any snapshot needs; only a file refused at line 1 is read whole, and only up to this. */
const MOST_SNAPSHOT_BYTES = 64 << 20;

const refusedAtFirstLine = (error: unknown) => error instanceof IncumbentError && error.code === 'damaged' && error.message.startsWith('line 1: ');

/** "A snapshot, not a log" if `bytes` (the whole file at `path`) are a snapshot; else undefined. */
export function snapshotSaid(path: string, bytes: Uint8Array): IncumbentError | undefined {
  if (bytes.length > MOST_SNAPSHOT_BYTES) return undefined;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Parsed only if it names the format: any other file refused at line 1 (tens of MB, deeply nested) costs a search, not a parse.
  if (!text.includes('"incumbent.snapshot/')) return undefined;
  let value: { format?: unknown; provenance?: { log?: { title?: unknown } } } | null;
  try {
    value = JSON.parse(text.toString('utf8')) as typeof value;
  } catch {
    // Not JSON as a whole either: the damage as found.
    return undefined;
  }
  if (typeof value?.format !== 'string' || !value.format.startsWith('incumbent.snapshot/')) return undefined;
  // Both come from the file, whoever made it: shown as a log's text is (no control character reaches the terminal).
  const title = value.provenance?.log?.title;
  const from = typeof title === 'string' ? ` ("${shownText(title)}")` : '';
  return new IncumbentError('invalid', `${path} is a snapshot (${shownText(value.format)}), not a log: give the log it was made from${from}, a JSON Lines file (to check a snapshot against its log: incumbent verify --log LOG --snapshot ${path})`);
}

/** The error to report for `error`, met reading the log open on `fd` at `path`: "a snapshot, not a log" when it is one. */
export function snapshotNotLog(fd: number, path: string, error: unknown): unknown {
  if (!refusedAtFirstLine(error)) return error;
  try {
    const size = fstatSync(fd).size;
    if (size > MOST_SNAPSHOT_BYTES) return error;
    const bytes = Buffer.alloc(size);
    return snapshotSaid(path, bytes.subarray(0, readFully(fd, bytes, 0))) ?? error;
  } catch {
    // Unreadable now: the damage as found.
    return error;
  }
}
