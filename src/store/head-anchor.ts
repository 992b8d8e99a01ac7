/**
 * The head anchor: `<log>.head`, the seq and hash of the last record the writer acknowledged. The
 * hash chain proves each line's predecessors, but nothing follows the last line; the anchor covers
 * it, so deleting, editing or cutting the tail is found like damage anywhere else.
 *
 * The file has two fixed-size slots, written alternately in place and fdatasynced (as file systems
 * do with superblocks): a write torn by a crash spoils at most the slot being written, and the other
 * still holds the previous head. Each slot carries a checksum, so a torn slot is never misread.
 */
import { hash } from 'node:crypto';
import { closeSync, fdatasyncSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { besideLog } from './log-file';
import { readRegularFile } from './regular-file';
import { openToWrite } from './open-to-write';

export interface Anchor {
  seq: number;
  hash: string;
}

const SLOT = 256;
const checksum = (seq: number, hex: string) => hash('sha256', `incumbent-head ${seq} ${hex}`).slice(0, 16);

export const anchorPath = (logPath: string) => besideLog(logPath, '.head');

/** Makes a new file's name in the log's folder durable. */
export function fsyncDirectoryOf(path: string): void {
  const fd = openSync(dirname(path), 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function parseSlot(text: string): Anchor | undefined {
  try {
    const value = JSON.parse(text) as { seq?: unknown; hash?: unknown; check?: unknown };
    const { seq, hash: hex, check } = value;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return undefined;
    if (typeof hex !== 'string' || !/^[0-9a-f]{64}$/.test(hex)) return undefined;
    return check === checksum(seq, hex) ? { seq, hash: hex } : undefined;
  } catch {
    return undefined;
  }
}

/** The anchor beside a log: its newest intact slot, `missing` without a file (or one that never named a head), `unreadable` if no slot is intact. */
export function readAnchor(logPath: string): Anchor | 'missing' | 'unreadable' {
  let bytes: Buffer | undefined;
  try {
    // Two slots; anything far larger is not an anchor.
    bytes = readRegularFile(anchorPath(logPath), 64 * SLOT);
  } catch {
    return 'unreadable';
  }
  // Empty, or zeros (a power cut can leave a new file's blocks so): made, then stopped before its
  // first slot was written (an init or a copy stopped there). It never named a head, and emptying it
  // says no more than deleting it: as good as none.
  if (!bytes || bytes.every((byte) => byte === 0)) return 'missing';
  let newest: Anchor | undefined;
  for (let offset = 0; offset + SLOT <= bytes.length; offset += SLOT) {
    const slot = parseSlot(bytes.toString('utf8', offset, offset + SLOT).trim());
    if (slot && (!newest || slot.seq > newest.seq)) newest = slot;
  }
  return newest ?? 'unreadable';
}

/** The writer's side: updates the anchor durably after each acknowledged append. */
export class AnchorWriter {
  readonly #fd: number;
  /** The slot that does not hold the newest anchor: the next write goes there. */
  #slot = 0;

  constructor(logPath: string) {
    const current = readAnchor(logPath);
    const created = current === 'missing';
    this.#fd = openToWrite(anchorPath(logPath), created ? 'w+' : 'r+');
    if (created) fsyncDirectoryOf(logPath);
    if (typeof current === 'object') {
      // Start on the slot that is not the newest, so the newest survives a torn first write.
      const bytes = readFileSync(anchorPath(logPath));
      const first = parseSlot(bytes.toString('utf8', 0, SLOT).trim());
      this.#slot = first && first.seq === current.seq ? 1 : 0;
    }
  }

  write(anchor: Anchor): void {
    const body = JSON.stringify({ seq: anchor.seq, hash: anchor.hash, check: checksum(anchor.seq, anchor.hash) });
    const bytes = Buffer.from(`${body.padEnd(SLOT - 1, ' ')}\n`);
    let written = 0;
    while (written < SLOT) written += writeSync(this.#fd, bytes, written, SLOT - written, this.#slot * SLOT + written);
    fdatasyncSync(this.#fd);
    this.#slot = 1 - this.#slot;
  }

  close(): void {
    closeSync(this.#fd);
  }
}
