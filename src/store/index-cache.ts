/**
 * A log's index stored beside it (`<log>.index`), so that opening the log again, unchanged or with
 * records appended since, loads what was derived from its records instead of parsing every one.
 *
 * It is derived data, and never trusted over the log:
 * - It names how many bytes of the log it was made from, and their SHA-256. Opening hashes those
 *   bytes of the file as it is now, and uses the index only if they match. So any change to them
 *   (an edit, a cut, another file under the same name) means the log is read and checked in full.
 *   Hashing the bytes in one pass costs a tenth of parsing them.
 * - It carries the SHA-256 of its own contents, so a torn or damaged index is never read.
 * - `INDEX_FORMAT` changes whenever what the ledger derives changes (a test pins it).
 * Only a writer, which holds the log's lock, stores one: to a temporary file, renamed into place.
 * `verify` never reads it. Someone who can write the log's folder could forge an index that
 * matches the log; they could as well rewrite the log and its anchor (see `integrity.ts`).
 */
import { createHash, type Hash } from 'node:crypto';
import { fstatSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Effective } from '../core/evolve';
import type { LedgerIndex } from '../core/ledger-index';
import type { EntriesIndex } from '../core/timeline-entries';

/** Bump whenever what a ledger derives from its records, or how it is stored here, changes. */
export const INDEX_FORMAT = 1;
const MAGIC = 'incumbent-index';
const CHECKSUM_BYTES = 32;
const READ_CHUNK = 8 << 20;

export const indexPath = (logPath: string) => `${logPath}.index`;

/** What opening resumes from: the ledger's index and the chain's digests of the first `bytes` of the log. */
export interface StoredIndex {
  ledger: LedgerIndex;
  digests: Uint8Array;
  /** Where each line starts (see `LineSource.starts`). */
  starts: Float64Array<ArrayBuffer>;
  /** How many bytes of the log these were derived from: every line before them, each ended by its newline. */
  bytes: number;
}

const arrayTypes = { Float64Array, Uint32Array, Uint8Array } as const;
type ArrayType = keyof typeof arrayTypes;
type Section = Float64Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
interface SectionHeader {
  name: string;
  type: ArrayType;
  length: number;
}
interface Header {
  magic: string;
  format: number;
  bytes: number;
  logHash: string;
  sections: SectionHeader[];
}
/** The ledger index's plain fields: stored as one JSON section. */
interface Meta {
  head: number;
  logId: string;
  title: string;
  followed?: { id: string; name: string };
  correctedEffects: [number, Effective][];
  revisedBy: [string, string][];
  firstRevision: [string, string][];
  companies: string[];
}

const padding = (length: number) => (8 - (length % 8)) % 8;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text));

/** The SHA-256 of the first `bytes` of the file behind `fd`, not yet finished; undefined if the file is shorter. */
function hashPrefix(fd: number, bytes: number): Hash | undefined {
  const hash = createHash('sha256');
  const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK, Math.max(bytes, 1)));
  for (let at = 0; at < bytes; ) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, bytes - at), at);
    if (read === 0) return undefined;
    hash.update(chunk.subarray(0, read));
    at += read;
  }
  return hash;
}

function sectionsOf(stored: StoredIndex): [string, Section][] {
  const { ledger } = stored;
  const ids = typeof ledger.ids === 'function' ? ledger.ids() : ledger.ids;
  const meta: Meta = {
    head: ledger.head,
    logId: ledger.logId,
    title: ledger.title,
    ...(ledger.followed ? { followed: ledger.followed } : {}),
    correctedEffects: ledger.correctedEffects,
    revisedBy: ledger.revisedBy,
    firstRevision: ledger.firstRevision,
    companies: ledger.timelines.map((t) => t.company),
  };
  return [
    ['meta', utf8(JSON.stringify(meta))],
    ['ids', utf8(JSON.stringify(ids))],
    ['digests', new Uint8Array(stored.digests)],
    ['starts', stored.starts],
    ['recordedTimes', ledger.recordedTimes as Float64Array<ArrayBuffer>],
    ['places.timeline', ledger.places.timeline],
    ['places.time', ledger.places.time],
    ...ledger.timelines.flatMap(({ entries }, i) => Object.entries(entries).map(([key, array]): [string, Section] => [`timeline.${i}.${key}`, array])),
  ];
}

/**
 * Stores `stored`, derived from the first `stored.bytes` of the log whose SHA-256 is `logHash`.
 * Writes a temporary file and renames it over the old index: a reader sees one or the other.
 */
export async function storeIndex(logPath: string, stored: StoredIndex, logHash: string): Promise<void> {
  const sections = sectionsOf(stored);
  const header: Header = { magic: MAGIC, format: INDEX_FORMAT, bytes: stored.bytes, logHash, sections: sections.map(([name, array]) => ({ name, type: array.constructor.name as ArrayType, length: array.length })) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const parts: Uint8Array[] = [length, headerBytes, Buffer.alloc(padding(4 + headerBytes.length))];
  for (const [, array] of sections) parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), Buffer.alloc(padding(array.byteLength)));
  const checksum = createHash('sha256');
  for (const part of parts) checksum.update(part);
  const temporary = `${indexPath(logPath)}.tmp`;
  try {
    const file = await open(temporary, 'w');
    try {
      await file.writev([checksum.digest(), ...parts]);
    } finally {
      await file.close();
    }
    renameSync(temporary, indexPath(logPath));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A stored index found to match the log, and the SHA-256 of the log so far, to go on with over the lines after. */
export interface MatchingIndex extends StoredIndex {
  hash: Hash;
}

/**
 * The index stored beside the log at `logPath`, if there is one that was made from the bytes the
 * file behind `fd` starts with now; undefined otherwise (the log is then read in full).
 */
export function readStoredIndex(logPath: string, fd: number): MatchingIndex | undefined {
  let file: Buffer;
  try {
    // Far larger than any index of this log could be: not read at all (it is someone else's file).
    if (statSync(indexPath(logPath)).size > 8 * fstatSync(fd).size + (1 << 20)) return undefined;
    file = readFileSync(indexPath(logPath));
  } catch {
    return undefined;
  }
  try {
    const body = file.subarray(CHECKSUM_BYTES);
    if (file.length < CHECKSUM_BYTES + 4 || !createHash('sha256').update(body).digest().equals(file.subarray(0, CHECKSUM_BYTES))) return undefined;
    const headerLength = body.readUInt32LE(0);
    const header = JSON.parse(body.toString('utf8', 4, 4 + headerLength)) as Header;
    if (header.magic !== MAGIC || header.format !== INDEX_FORMAT) return undefined;
    const hash = hashPrefix(fd, header.bytes);
    if (hash?.copy().digest('hex') !== header.logHash) return undefined;
    const sections = new Map<string, Section>();
    let at = 4 + headerLength + padding(4 + headerLength);
    for (const { name, type, length } of header.sections) {
      const bytes = length * arrayTypes[type].BYTES_PER_ELEMENT;
      if (!(Number.isSafeInteger(bytes) && bytes >= 0 && at + bytes <= body.length)) return undefined;
      const array = new arrayTypes[type](length);
      new Uint8Array(array.buffer).set(body.subarray(at, at + bytes));
      sections.set(name, array);
      at += bytes + padding(bytes);
    }
    return { ...decode(sections, header.bytes), hash };
  } catch {
    // Written by this format's code and checksummed, so this is not expected; the log is read in full all the same.
    return undefined;
  }
}

function decode(sections: Map<string, Section>, bytes: number): StoredIndex {
  const take = <T extends Section>(name: string, type: new (length: number) => T): T => {
    const section = sections.get(name);
    if (!(section instanceof type)) throw new Error(`no section ${name} of the expected type`);
    return section;
  };
  const text = (name: string) => Buffer.from(take(name, Uint8Array)).toString('utf8');
  const meta = JSON.parse(text('meta')) as Meta;
  const ids = take('ids', Uint8Array);
  const entries = (i: number): EntriesIndex => ({
    times: take(`timeline.${i}.times`, Float64Array),
    seqs: take(`timeline.${i}.seqs`, Float64Array),
    hiddenFrom: take(`timeline.${i}.hiddenFrom`, Float64Array),
    marks: take(`timeline.${i}.marks`, Uint8Array),
    insertSeqs: take(`timeline.${i}.insertSeqs`, Float64Array),
    frontTimes: take(`timeline.${i}.frontTimes`, Float64Array),
  });
  const ledger: LedgerIndex = {
    head: meta.head,
    logId: meta.logId,
    title: meta.title,
    ...(meta.followed ? { followed: meta.followed } : {}),
    ids: () => JSON.parse(Buffer.from(ids).toString('utf8')) as string[],
    recordedTimes: take('recordedTimes', Float64Array),
    places: { timeline: take('places.timeline', Uint32Array), time: take('places.time', Float64Array) },
    correctedEffects: meta.correctedEffects,
    revisedBy: meta.revisedBy,
    firstRevision: meta.firstRevision,
    timelines: meta.companies.map((company, i) => ({ company, entries: entries(i) })),
  };
  const stored = { ledger, digests: take('digests', Uint8Array), starts: take('starts', Float64Array), bytes };
  const { head } = meta;
  const whole = stored.digests.length === head * 32 && stored.starts.length === head + 1 && stored.starts[head] === bytes && ledger.recordedTimes.length === head && ledger.places.time.length === head + 1;
  if (!whole) throw new Error('sections of the wrong length');
  return stored;
}
