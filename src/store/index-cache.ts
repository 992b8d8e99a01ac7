/**
 * A log's index stored beside it (`<log>.index`), so that opening the log again, unchanged or with
 * records appended since, loads what was derived from its records instead of parsing every one.
 *
 * It is derived data, and never trusted over the log:
 * - It names how many bytes of the log it was made from, and their hash (`BlockHash`: SHA-256s of
 *   their blocks, hashed on every core). Opening hashes those bytes of the file as it is now, and
 *   uses the index only if they match. So any change to them
 *   (an edit, a cut, another file under the same name) means the log is read and checked in full.
 *   Hashing the bytes in one pass costs a tenth of parsing them.
 * - It carries the SHA-256 of its own contents, so a torn or damaged index is never read.
 * - It is keyed to the code that made it: `INDEX_FORMAT` (a test pins it to what is stored) and a
 *   digest of the record schemas, whose rules decide which corrections apply (one whose shape
 *   they refuse is dropped).
 * - Anything inconsistent in it (lengths, numbers out of range) means it is not used.
 * Only a writer, which holds the log's lock, stores one: to a temporary file, renamed into place.
 * Someone who can write the log's folder could forge an index that matches the log's bytes:
 * `verify` reads the log in full and compares the index with what it derives (`check-index.ts`).
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Ledger } from '../core/ledger';
import { consistentIdIndex } from '../core/id-index';
import { recordJsonSchema } from '../core/json-schemas';
import type { LedgerIndex } from '../core/ledger-index';
import { entriesArrays, type EntriesIndex } from '../core/timeline-entries';
import { BlockHash } from './block-hash';
import type { Digests } from './digests';
import type { LineSource } from './line-source';
import { besideLog } from './log-file';
import { openRegularFile, readRange } from './regular-file';

/** Bump whenever what a ledger derives from its records, or how it is stored here, changes. */
export const INDEX_FORMAT = 8;
const MAGIC = 'incumbent-index';
/**
 * The file starts with a CRC-32 of the rest (then 4 zero bytes, so that the sections after it stay
 * aligned). It finds an index damaged on disk; it is no seal against a hand that edits the index,
 * which a digest kept in the same file could not be either (`verify` compares an index with what
 * the log gives). A SHA-256 here took 75-90 ms of every reopen of the 1M log, a CRC-32 about 22 ms.
 */
const CHECKSUM_BYTES = 8;
const checksumOf = (parts: readonly Uint8Array[]): Buffer => {
  const checksum = Buffer.alloc(CHECKSUM_BYTES);
  checksum.writeUInt32LE(parts.reduce((crc, part) => crc32(part, crc), 0));
  return checksum;
};

/** The record schemas' content rules (lengths, patterns, enums), digested: an index made under others is not used. */
let rules: string | undefined;
const rulesDigest = () => (rules ??= createHash('sha256').update(JSON.stringify(recordJsonSchema())).digest('hex'));

export const indexPath = (logPath: string) => besideLog(logPath, '.index');

/** What opening resumes from: the ledger's index and the chain's digests of the first `bytes` of the log. */
export interface StoredIndex {
  ledger: LedgerIndex;
  digests: Uint8Array;
  /** Where each line starts (see `LineSource.starts`). */
  starts: Float64Array<ArrayBuffer>;
  /** How many bytes of the log these were derived from: every line before them, each ended by its newline. */
  bytes: number;
}

/** What an open that read the log from its file derived, as an index to store: copies, taken before any append. */
export const indexOf = ({ ledger, digests, source, validBytes }: { ledger: Ledger; digests: Digests; source: LineSource; validBytes: number }): StoredIndex => ({
  ledger: ledger.exportIndex(),
  digests: digests.copy(ledger.head),
  starts: source.starts(),
  bytes: validBytes,
});

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
  rules: string;
  bytes: number;
  logHash: string;
  sections: SectionHeader[];
}
/**
 * The ledger index's plain fields, stored as one JSON section. What the arrays give is not stored
 * again: the head is the recorded times' length, and the id table holds one entry per record.
 */
type Meta = Pick<LedgerIndex, 'logId' | 'title' | 'followed' | 'correctedEffects' | 'revisedBy' | 'firstRevision'> & { companies: string[]; idSeed: number };

/** Sections start at multiples of 8 bytes in the file, so typed arrays view them where they were read. */
const padding = (length: number) => (8 - (length % 8)) % 8;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text));
const entryKeys = Object.keys(entriesArrays) as (keyof EntriesIndex)[];

function sectionsOf({ ledger, digests, starts }: StoredIndex): [string, Section][] {
  const { logId, title, followed, correctedEffects, revisedBy, firstRevision } = ledger;
  const meta: Meta = { logId, title, ...(followed ? { followed } : {}), correctedEffects, revisedBy, firstRevision, companies: ledger.timelines.map((t) => t.company), idSeed: ledger.ids.seed };
  return [
    ['meta', utf8(JSON.stringify(meta))],
    ['ids.hashes', ledger.ids.hashes],
    ['ids.seqs', ledger.ids.seqs],
    ['digests', new Uint8Array(digests)],
    ['starts', starts],
    ['recordedTimes', ledger.recordedTimes],
    ['places.timeline', ledger.places.timeline],
    ['places.time', ledger.places.time],
    ...ledger.timelines.flatMap(({ entries }, i) => entryKeys.map((key): [string, Section] => [`timeline.${i}.${key}`, entries[key]])),
  ];
}

/**
 * Stores `stored`, derived from the first `stored.bytes` of the log whose `BlockHash` is `logHash`:
 * encoded now, written in the background to a file of its own, then renamed over the old index
 * (a reader sees one or the other).
 */
export async function storeIndex(logPath: string, stored: StoredIndex, logHash: string): Promise<void> {
  const sections = sectionsOf(stored);
  const header: Header = { magic: MAGIC, format: INDEX_FORMAT, rules: rulesDigest(), bytes: stored.bytes, logHash, sections: sections.map(([name, array]) => ({ name, type: array.constructor.name as ArrayType, length: array.length })) };
  const headerBytes = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerBytes.length);
  const parts: Uint8Array[] = [length, headerBytes, Buffer.alloc(padding(4 + headerBytes.length))];
  for (const [, array] of sections) parts.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), Buffer.alloc(padding(array.byteLength)));
  const temporary = `${indexPath(logPath)}.${randomUUID()}.tmp`;
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writev([checksumOf(parts), ...parts]);
    } finally {
      await file.close();
    }
    renameSync(temporary, indexPath(logPath));
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** What follows the index's name in the name of a file `storeIndex` writes before renaming it into place. */
const PARTIAL = /^\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.tmp$/;

/**
 * Removes the files `storeIndex` left half written beside the log, its process stopped before it
 * renamed one into place (a Ctrl+C, a kill): each has a name of its own and is as large as an index.
 * For the writer, which holds the log's lock: no other process writes one (one this process may
 * still be writing is only not renamed). What cannot be removed is left.
 */
export function removePartialIndexes(logPath: string): void {
  const index = indexPath(logPath);
  const [folder, name] = [dirname(index), basename(index)];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const other of names) {
    if (!other.startsWith(name) || !PARTIAL.test(other.slice(name.length))) continue;
    try {
      rmSync(join(folder, other), { force: true });
    } catch {
      // A folder of that name, say: not ours.
    }
  }
}

/** A stored index found to match the log, and the hash of the log so far, to go on with over the lines after. */
export interface MatchingIndex extends StoredIndex {
  hash: BlockHash;
}

/**
 * The index stored beside the log at `logPath`, if there is one that this code made from the
 * bytes the file behind `fd` starts with now; undefined otherwise (the log is then read in full).
 * Its header is read and checked first; then the log's bytes are hashed on other threads while
 * this one reads the rest of the index (off the event loop), checks its checksum and decodes it.
 */
export async function readStoredIndex(logPath: string, fd: number, logSize: number): Promise<MatchingIndex | undefined> {
  let hashing: Promise<BlockHash | undefined> | undefined;
  // Far larger than an index of this log could be: not read at all.
  const opened = await openRegularFile(indexPath(logPath), 8 * logSize + (1 << 20)).catch(() => undefined);
  if (!opened) return undefined;
  const { handle, size } = opened;
  try {
    const file = Buffer.from(new ArrayBuffer(size));
    const prefix = CHECKSUM_BYTES + 4;
    if (size < prefix || !(await readRange(handle, file, 0, prefix))) return undefined;
    const body = file.subarray(CHECKSUM_BYTES);
    const headerLength = body.readUInt32LE(0);
    if (!(prefix + headerLength <= size && (await readRange(handle, file, prefix, prefix + headerLength)))) return undefined;
    const header = JSON.parse(body.toString('utf8', 4, 4 + headerLength)) as Header;
    if (header.magic !== MAGIC || header.format !== INDEX_FORMAT || header.rules !== rulesDigest() || !(header.bytes <= logSize)) return undefined;
    // The log's bytes are hashed on the other threads while this one reads, checks and decodes the index.
    hashing = BlockHash.ofFile(fd, header.bytes);
    if (!(await readRange(handle, file, prefix + headerLength, size))) return undefined;
    if (!checksumOf([body]).equals(file.subarray(0, CHECKSUM_BYTES))) return undefined;
    const sections = new Map<string, Section>();
    let at = prefix + headerLength + padding(4 + headerLength);
    for (const { name, type, length } of header.sections) {
      const bytes = length * arrayTypes[type].BYTES_PER_ELEMENT;
      if (!(Number.isSafeInteger(bytes) && bytes >= 0 && at + bytes <= file.length)) return undefined;
      sections.set(name, new arrayTypes[type](file.buffer, file.byteOffset + at, length));
      at += bytes + padding(bytes);
    }
    const stored = decode(sections, header.bytes);
    const hash = await hashing;
    return stored && hash?.digest() === header.logHash ? { ...stored, hash } : undefined;
  } catch {
    // Not expected of an index this code wrote and checksummed; the log is read in full all the same.
    return undefined;
  } finally {
    await handle.close();
    // The hashing threads read through `fd`: the caller may close it only once they are done.
    await hashing?.catch(() => undefined);
  }
}

function decode(sections: Map<string, Section>, bytes: number): StoredIndex | undefined {
  const take = <T extends Section>(name: string, type: new (length: number) => T): T => {
    const section = sections.get(name);
    if (!(section instanceof type)) throw new Error(`no section ${name} of the expected type`);
    return section;
  };
  const text = (name: string) => Buffer.from(take(name, Uint8Array)).toString('utf8');
  const { companies, idSeed, ...meta } = JSON.parse(text('meta')) as Meta;
  const recordedTimes = take('recordedTimes', Float64Array);
  const head = recordedTimes.length - 1;
  const entries = (i: number) => Object.fromEntries(entryKeys.map((key) => [key, take<Section>(`timeline.${i}.${key}`, entriesArrays[key])])) as unknown as EntriesIndex;
  const ledger: LedgerIndex = {
    ...meta,
    head,
    ids: { seed: idSeed, count: head, hashes: take('ids.hashes', Uint32Array), seqs: take('ids.seqs', Uint32Array) },
    recordedTimes,
    places: { timeline: take('places.timeline', Uint32Array), time: take('places.time', Float64Array) },
    timelines: companies.map((company, i) => ({ company, entries: entries(i) })),
  };
  const stored = { ledger, digests: take('digests', Uint8Array), starts: take('starts', Float64Array), bytes };
  return consistent(stored) ? stored : undefined;
}

// Loops, not `every`: over a million-event index, a callback per value cost 0.1 s of each reopen.
/** Whether `array` never decreases after index `from`. */
function ascending(array: Float64Array, from = 0): boolean {
  for (let i = from + 1; i < array.length; i++) if (!(array[i]! >= array[i - 1]!)) return false;
  return true;
}

/** Whether every value of `array` is an integer from `min` to `max`. */
function integersWithin(array: ArrayLike<number>, min: number, max: number): boolean {
  for (let i = 0; i < array.length; i++) if (!(Number.isSafeInteger(array[i]) && array[i]! >= min && array[i]! <= max)) return false;
  return true;
}

/** Whether the index's parts agree with one another, as every index this code makes does: what a ledger loaded from it relies on. */
/** Whether `list` is what a `Map` is made from: a list of [key, value] pairs. */
const pairs = (list: unknown): boolean => Array.isArray(list) && list.every((pair) => Array.isArray(pair) && pair.length === 2);

function consistent({ ledger, digests, starts, bytes }: StoredIndex): boolean {
  const { head, places, timelines } = ledger;
  if (!(Number.isSafeInteger(head) && head >= 1)) return false;
  if (digests.length !== head * 32 || starts.length !== head + 1 || starts[0] !== 0 || starts[head] !== bytes || !ascending(starts)) return false;
  if (!ascending(ledger.recordedTimes, 1)) return false;
  if (!(Number.isInteger(ledger.ids.seed) && consistentIdIndex(ledger.ids, head))) return false;
  if (places.timeline.length !== head + 1 || places.time.length !== head + 1 || !integersWithin(places.timeline, 0, timelines.length)) return false;
  if (!pairs(ledger.correctedEffects) || !pairs(ledger.revisedBy) || !pairs(ledger.firstRevision)) return false;
  if (!ledger.correctedEffects.every(([seq]) => Number.isSafeInteger(seq) && seq >= 1 && seq <= head)) return false;
  return timelines.every(({ entries: e }) => {
    const length = e.times.length;
    const sameLengths = e.seqs.length === length && e.hiddenFrom.length === length && e.marks.length === length && e.frontTimes.length === e.insertSeqs.length;
    return sameLengths && ascending(e.times) && integersWithin(e.seqs, 1, head);
  });
}
