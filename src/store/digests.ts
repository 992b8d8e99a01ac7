import { hash } from 'node:crypto';

/** The value of a lowercase hex digit's char code, or -1. */
const nibble = (code: number): number => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1);

/** The SHA-256 of every line, 32 bytes each, in one growable buffer (hex strings would cost 4x more). */
export class Digests {
  #bytes: Buffer;
  #count = 0;

  constructor(capacity = 1024) {
    this.#bytes = Buffer.allocUnsafe(capacity * 32);
  }

  /**
   * Digests stored by `copy` (32 bytes each), read where they are: the first one appended copies
   * them out. (A reopened million-record log spent 0.13-0.23 s filling a 64 MB copy of them.)
   */
  static from(stored: Uint8Array): Digests {
    const digests = new Digests(0);
    digests.#count = Math.floor(stored.length / 32);
    digests.#bytes = Buffer.from(stored.buffer, stored.byteOffset, digests.#count * 32);
    return digests;
  }

  /** The digests of records 1 to `count`, 32 bytes each: a copy, to store. */
  copy(count = this.#count): Buffer {
    return Buffer.from(this.#bytes.subarray(0, Math.min(count, this.#count) * 32));
  }

  get count(): number {
    return this.#count;
  }

  push(hex: string): void {
    if (!this.pushHex(hex)) throw new RangeError(`not a SHA-256 digest: ${JSON.stringify(hex)}`);
  }

  /**
   * Appends the SHA-256 of `line` (a string as UTF-8). Had as a 'binary' (latin1) string, a byte a
   * character: a Buffer made for each digest took as long as hashing a line of the log.
   */
  pushHashOf(line: string | Uint8Array): void {
    this.#room();
    this.#bytes.write(hash('sha256', line, 'binary'), this.#count * 32, 32, 'latin1');
    this.#count += 1;
  }

  /** Appends a digest given as its 32 bytes, at `at` in `source`. (Copied by hand: a view of them, or `copy`, cost more.) */
  pushBytes(source: Uint8Array, at = 0): void {
    this.#room();
    const [bytes, to] = [this.#bytes, this.#count * 32];
    for (let i = 0; i < 32; i++) bytes[to + i] = source[at + i]!;
    this.#count += 1;
  }

  /**
   * Appends a digest written as 64 lowercase hex digits, the chain's form; false, appending nothing,
   * for anything else (Buffer's own hex reading takes upper case too, and stops at a bad digit).
   */
  pushHex(hex: string): boolean {
    if (hex.length !== 64) return false;
    this.#room();
    const at = this.#count * 32;
    for (let i = 0; i < 32; i++) {
      const high = nibble(hex.charCodeAt(2 * i));
      const low = nibble(hex.charCodeAt(2 * i + 1));
      if (high < 0 || low < 0) return false;
      this.#bytes[at + i] = (high << 4) | low;
    }
    this.#count += 1;
    return true;
  }

  /** Room for one more digest. */
  #room(): void {
    if ((this.#count + 1) * 32 <= this.#bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(1024, this.#count * 2) * 32);
    this.#bytes.copy(grown, 0, 0, this.#count * 32);
    this.#bytes = grown;
  }

  /** Forgets the digests after the first `count` (a failed append rolls back). */
  truncate(count: number): void {
    this.#count = Math.min(this.#count, count);
  }

  /** True when `line` hashes to the digest of record `seq`. */
  matches(seq: number, line: Buffer): boolean {
    return seq >= 1 && seq <= this.#count && hash('sha256', line, 'binary') === this.#bytes.toString('latin1', (seq - 1) * 32, seq * 32);
  }

  /** The first record (1-based) among `count` from record `from` on whose digest differs from `other`'s (which starts at record `from`'s), or 0. */
  firstDifference(other: Buffer, count: number, from = 1): number {
    const at = (from - 1) * 32;
    if (this.#bytes.compare(other, 0, count * 32, at, at + count * 32) === 0) return 0;
    for (let i = 0; i < count; i++) if (this.#bytes.compare(other, i * 32, (i + 1) * 32, at + i * 32, at + (i + 1) * 32) !== 0) return from + i;
    return 0;
  }

  /** Hex digest of record `seq` (1-based); the genesis hash for 0. */
  hexOf(seq: number): string {
    if (seq === 0) return '0'.repeat(64);
    if (seq < 0 || seq > this.#count) throw new RangeError(`no record ${seq}`);
    return this.#bytes.toString('hex', (seq - 1) * 32, seq * 32);
  }
}
