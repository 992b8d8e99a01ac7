/**
 * A worker thread that reads a large log beside the thread opening it, on the machine's second core:
 * it parses the lines from a byte offset on (the share) while the opener parses those before it,
 * each hashing what it parses from the bytes it parsed (so every field indexed comes from bytes the
 * chain verifies, whatever is written to the file meanwhile). Of each line of the share it sends back,
 * in typed arrays, the fields the opener indexes a domain record by. Any other line (the log's
 * creation, a revision, a line that is not JSON, a field of an unexpected type) is left to the
 * opener, which reads, hashes and parses it itself: the worker decides nothing. Given a checker
 * module (`verify`), it also checks each record of the share against its schema, by index there.
 * It is a plain script (no TypeScript, no bundler): it runs the same under tsx, vitest and Electron.
 */
import { Worker } from 'node:worker_threads';
import type { LineShapes } from './check-lines';

/** Lines per message: the opener starts on one chunk while the worker parses the next. */
const CHUNK_LINES = 32_768;
/**
 * The most bytes of texts a message carries, but for one line's that alone are more: the opener
 * decodes a chunk's texts as one string, which cannot be longer than V8 allows (2^29 code units),
 * whatever ids a crafted log has.
 */
const CHUNK_TEXT_BYTES = 64 << 20;
/** Lines the opener takes in before it lets other work run: a few milliseconds of them (see `eachLineYielding`). */
const PAUSE_LINES = 2_048;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { hash } = require('node:crypto');
// The opener's descriptor (threads share a process's): the file it opened, whatever its name is now.
const { fd, parseFrom: from, chunkLines, chunkTextBytes, cancelled, parsed, checker: checkerModule } = workerData;
/** What checks each record of the share as it is parsed, when asked for (see 'checker' below). */
let checker;

/**
 * Reads the file from byte 'from', a chunk at a time: gives 'line' each newline-ended line as
 * buffer[start, end) (the file position of buffer[0] is 'offset'). Stops at the file's end, or
 * when 'more' returns false after a chunk. Returns how many bytes followed the last newline.
 */
function eachLine(from, line, more) {
  let buffer = Buffer.allocUnsafe(8 << 20), filled = 0, position = from, offset = from;
  for (;;) {
    // A line longer than the buffer: room for all of it.
    if (filled === buffer.length) { const grown = Buffer.allocUnsafe(buffer.length * 2); buffer.copy(grown); buffer = grown; }
    const read = readSync(fd, buffer, filled, buffer.length - filled, position);
    position += read; filled += read;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1 && end < filled; end = buffer.indexOf(10, start)) {
      line(buffer, start, end, offset);
      start = end + 1;
    }
    buffer.copy(buffer, 0, start, filled); offset += start; filled -= start;
    if (read === 0 || !more()) return filled;
  }
}

function parseShare() {
  const REVISIONS = new Set(['log.created', 'event.corrected', 'event.retracted']);
  let chunk;
  const fresh = () => ({ count: 0, starts: new Float64Array(chunkLines), ends: new Float64Array(chunkLines), seqs: new Float64Array(chunkLines), batchends: new Float64Array(chunkLines), flags: new Uint8Array(chunkLines), codes: new Int32Array(chunkLines * 3), claims: Buffer.allocUnsafeSlow(chunkLines * 32), lengths: new Uint32Array(chunkLines * 3), texts: Buffer.allocUnsafeSlow(chunkLines * 128), written: 0, codeOf: new Map(), names: [] });
  const code = (value) => { let c = chunk.codeOf.get(value); if (c === undefined) { c = chunk.names.length; chunk.codeOf.set(value, c); chunk.names.push(value); } return c; };
  const send = () => {
    const { count, starts, ends, seqs, batchends, flags, codes, claims, lengths, texts, written, names } = chunk;
    parentPort.postMessage({ kind: 'lines', count, starts, ends, seqs, batchends, flags, codes, claims, lengths, texts, written, names }, [starts.buffer, ends.buffer, seqs.buffer, batchends.buffer, flags.buffer, codes.buffer, claims.buffer, lengths.buffer, texts.buffer]);
  };
  const plain = (v) => v !== null && typeof v === 'object' && typeof v.seq === 'number' && typeof v.id === 'string' && typeof v.prevhash === 'string'
    && typeof v.recordedtime === 'string' && typeof v.type === 'string' && !REVISIONS.has(v.type) && typeof v.subject === 'string' && typeof v.time === 'string'
    && typeof v.data === 'object' && v.data !== null && (v.batchend === undefined || typeof v.batchend === 'number')
    && (v.timeprecision === undefined || typeof v.timeprecision === 'string');
  // A claim of the previous line's digest is handed over as its 32 bytes, so only one in the chain's
  // form can be: 64 hex digits (a write stops at any other character), none in upper case, all ASCII
  // (a hex write reads a character by its low byte: U+0430 as '0'). Any other is the opener's to
  // refuse. (A regular expression took twice as long.)
  const claimed = (claim, i) => claim.length === 64 && Buffer.byteLength(claim) === 64 && claim === claim.toLowerCase() && chunk.claims.write(claim, 32 * i, 'hex') === 32;
  // Lines start after a newline: the first line of this share is the first to start at or after 'from'.
  let skipping = from > 0;
  let index = 0;
  chunk = fresh();
  const unfinished = eachLine(Math.max(0, from - 1), (buffer, start, end, offset) => {
    // The end of the opener's last line: the opener's to read.
    if (skipping) { skipping = false; return; }
    // Hashed from the bytes parsed here, so that what the opener is given is what the chain verifies.
    share.add(buffer.subarray(start, end));
    const i = chunk.count;
    chunk.starts[i] = offset + start; chunk.ends[i] = offset + end;
    let v;
    try { v = JSON.parse(buffer.toString('utf8', start, end)); } catch { v = undefined; }
    // A line that is not JSON is the opener's to report, with the chain around it.
    if (checker && v !== undefined) checker.check(index, v);
    index += 1;
    if (plain(v) && claimed(v.prevhash, i)) {
      chunk.flags[i] = 1 | (v.data.baseline ? 2 : 0);
      chunk.seqs[i] = v.seq;
      chunk.batchends[i] = v.batchend === undefined ? NaN : v.batchend;
      // The precision marks a fact known only to the day or coarser (what a moment may be uncertain of); -1: none written.
      chunk.codes[3 * i] = code(v.type); chunk.codes[3 * i + 1] = code(v.subject); chunk.codes[3 * i + 2] = v.timeprecision === undefined ? -1 : code(v.timeprecision);
      // Copied into one buffer: holding the parsed strings till the chunk is sent cost more than parsing.
      // As UTF-16 code units, which keep any string as it is (UTF-8 turns a lone surrogate into U+FFFD).
      // One write for the three (a write's own cost was more than its copying), each one's length beside it.
      const texts = v.id + v.recordedtime + v.time;
      if (chunk.written + 2 * texts.length > chunk.texts.length) { const grown = Buffer.allocUnsafeSlow(2 * chunk.texts.length + 2 * texts.length); chunk.texts.copy(grown, 0, 0, chunk.written); chunk.texts = grown; }
      chunk.written += chunk.texts.write(texts, chunk.written, 'utf16le');
      chunk.lengths[3 * i] = v.id.length; chunk.lengths[3 * i + 1] = v.recordedtime.length; chunk.lengths[3 * i + 2] = v.time.length;
    } else chunk.flags[i] = 0;
    chunk.count += 1;
    if (chunk.count === chunkLines || chunk.written > chunkTextBytes) { send(); chunk = fresh(); }
    if ((index & 255) === 0) Atomics.store(parsed, 0, Math.floor((offset + end) / 1024));
  }, () => !Atomics.load(cancelled, 0));
  if (chunk.count > 0) send();
  // Bytes after the last newline (a line whose write did not finish), unless they start before 'from'.
  parentPort.postMessage({ kind: 'parsed', unfinished: skipping ? 0 : unfinished, checked: checker?.shapes });
}

/** The SHA-256 of each line of the share, in order. */
const share = {
  count: 0,
  digests: Buffer.allocUnsafe(32 * 65536),
  add(line) {
    if ((this.count + 1) * 32 > this.digests.length) { const grown = Buffer.allocUnsafe(this.digests.length * 2); this.digests.copy(grown); this.digests = grown; }
    // As a 'binary' (latin1) string, a byte a character: a Buffer made for each digest cost as much as hashing the line.
    this.digests.write(hash('sha256', line, 'binary'), this.count * 32, 32, 'latin1');
    this.count += 1;
  },
};

// The share first: the opener waits for it, and not for the digests until it has indexed every line.
const run = () => {
  parseShare();
  const { count, digests } = share;
  parentPort.postMessage({ kind: 'hashed', count, digests: digests.buffer }, [digests.buffer]);
};
// A checker module (TypeScript run through tsx, or JavaScript) gives 'shareChecker()'. One that
// does not load leaves the share unchecked ('checked' absent), which the opener's caller handles.
if (!checkerModule) run();
else {
  const { href, tsx } = checkerModule;
  (tsx ? import(tsx).then(({ register }) => { register(); return import(href); }) : import(href))
    .then((module) => module.shareChecker())
    .then((made) => { checker = made; }, () => undefined)
    .then(run);
}
`;

export interface LineDigests {
  count: number;
  digests: Buffer;
}

/**
 * A domain record as the ledger indexes it, from the fields a worker parsed: the rest of it stays on
 * disk, as for any record indexed. Its `prevhash` is not there: the opener takes the claim instead.
 */
export interface IndexedRecord {
  seq: number;
  id: string;
  recordedtime: string;
  type: string;
  subject: string;
  time: string;
  timeprecision?: string;
  batchend: number | undefined;
  data: { readonly baseline?: true };
}

/**
 * What `take` gives for each line of the share: its bytes' place, and the record of the fields the
 * worker parsed (undefined: the opener parses the line itself), whose prevhash is the 32 bytes at
 * `claimAt` in `claims`. As arguments, not an object: a million lines made five objects each.
 */
export type ShareLine = (start: number, end: number, record: IndexedRecord | undefined, claims: Buffer, claimAt: number) => void;

// Every record's data the same (frozen) object: the index reads only `baseline` of it.
const [PLAIN, BASELINE] = [Object.freeze({}), Object.freeze({ baseline: true as const })];

interface Chunk {
  kind: 'lines';
  count: number;
  starts: Float64Array;
  ends: Float64Array;
  seqs: Float64Array;
  batchends: Float64Array;
  flags: Uint8Array;
  codes: Int32Array;
  /** Each line's `prevhash`, 32 bytes. */
  claims: Uint8Array;
  /** The length in UTF-16 code units of each line's three texts (id, recorded time, time), one after another in `texts` (its first `written` bytes) as UTF-16. */
  lengths: Uint32Array;
  texts: Uint8Array;
  written: number;
  names: string[];
}

/** The end of the share: the bytes after its last newline, and what its checker found (absent when none ran). */
export interface ShareEnd {
  kind: 'parsed';
  unfinished: number;
  checked?: LineShapes;
}

type Message = Chunk | ShareEnd | { kind: 'hashed'; count: number; digests: ArrayBuffer };

export interface LinesWorker {
  /** The digest of each line of the share, as the worker parsed it. */
  digests: Promise<LineDigests>;
  /**
   * Gives the share's lines in order to `line`, then says how the share ended. If `line` throws,
   * the worker parses no more.
   */
  take(line: ShareLine): Promise<ShareEnd>;
  /** Parses no more of the share (the opener stopped); the digests still come. */
  cancel(): void;
  /** How far into the file the worker has parsed its share, in bytes (to a KiB): 0 until it has begun. */
  parsedTo(): number;
}

/**
 * Starts the worker on the file behind `fd`, which must stay open until `digests` settles:
 * `parseFrom`, the byte offset its share starts at (the first line starting there or after);
 * `checker`, a module whose `shareChecker()` checks each record of the share, by its index there,
 * as it is parsed.
 */
export function readLinesInWorker(fd: number, { parseFrom, checker }: { parseFrom: number; checker?: URL | undefined }): LinesWorker {
  const [cancelled, parsed] = [new Int32Array(new SharedArrayBuffer(4)), new Int32Array(new SharedArrayBuffer(4))];
  // A TypeScript checker needs tsx, booted in the worker: loader hooks do not reach worker threads.
  const module = checker && { href: checker.href, ...(checker.pathname.endsWith('.ts') ? { tsx: import.meta.resolve('tsx/esm/api') } : {}) };
  const worker = new Worker(WORKER, { eval: true, workerData: { fd, parseFrom, chunkLines: CHUNK_LINES, chunkTextBytes: CHUNK_TEXT_BYTES, cancelled, parsed, checker: module } });
  const queue: (Chunk | ShareEnd | Error)[] = [];
  let wake: (() => void) | undefined;
  const push = (message: (typeof queue)[number]) => {
    queue.push(message);
    wake?.();
  };
  const digests = new Promise<LineDigests>((resolve, reject) => {
    worker.on('message', (message: Message) => {
      if (message.kind !== 'hashed') return push(message);
      resolve({ count: message.count, digests: Buffer.from(message.digests) });
      void worker.terminate();
    });
    worker.once('error', (error) => {
      push(error);
      reject(error);
    });
  });
  const cancel = () => Atomics.store(cancelled, 0, 1);
  const next = async () => {
    while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return queue.shift()!;
  };
  const take = async (line: ShareLine): Promise<ShareEnd> => {
    try {
      for (;;) {
        const message = await next();
        if (message instanceof Error) throw message;
        if (message.kind === 'parsed') return message;
        // The thread's other work runs between slices of a chunk: a host serves its page meanwhile.
        for (const _ of eachOf(message, line)) await new Promise(setImmediate);
      }
    } finally {
      cancel();
    }
  };
  return { digests, take, cancel, parsedTo: () => Atomics.load(parsed, 0) * 1024 };
}

/** Gives `line` each line of a chunk; pauses after every `PAUSE_LINES` (see `take`). */
function* eachOf(chunk: Chunk, line: ShareLine): Generator<void> {
  const { texts, names, codes, lengths } = chunk;
  const claims = Buffer.from(chunk.claims.buffer, chunk.claims.byteOffset, chunk.claims.byteLength);
  let at = 0;
  // Decoded at once, each text a part of it (a decoding each took more than the rest of the line's fields).
  const all = Buffer.from(texts.buffer, texts.byteOffset, chunk.written).toString('utf16le');
  const text = (k: number) => all.substring(at, (at += lengths[k]!));
  for (let i = 0; i < chunk.count; i++) {
    let record: IndexedRecord | undefined;
    // A line without fields (a revision, anything odd) is read back and parsed by the opener.
    if (chunk.flags[i]! & 1) {
      const k = 3 * i;
      const seq = chunk.seqs[i]!;
      const id = text(k);
      const recordedtime = text(k + 1);
      const time = text(k + 2);
      const type = names[codes[k]!]!;
      const subject = names[codes[k + 1]!]!;
      const precision = names[codes[k + 2]!];
      const batchend = Number.isNaN(chunk.batchends[i]!) ? undefined : chunk.batchends[i]!;
      const data = chunk.flags[i]! & 2 ? BASELINE : PLAIN;
      record = precision === undefined ? { seq, id, recordedtime, type, subject, time, batchend, data } : { seq, id, recordedtime, type, subject, time, timeprecision: precision, batchend, data };
    }
    line(chunk.starts[i]!, chunk.ends[i]!, record, claims, 32 * i);
    if (i % PAUSE_LINES === PAUSE_LINES - 1) yield;
  }
}
