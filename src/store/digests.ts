/** The SHA-256 of every line, 32 bytes each, in one growable buffer (hex strings would cost 4x more). */
export class Digests {
  #bytes: Buffer;
  #count = 0;

  constructor(capacity = 1024) {
    this.#bytes = Buffer.allocUnsafe(capacity * 32);
  }

  static from(bytes: Buffer, count: number): Digests {
    const digests = new Digests(0);
    digests.#bytes = bytes;
    digests.#count = count;
    return digests;
  }

  get count(): number {
    return this.#count;
  }

  push(hex: string): void {
    if ((this.#count + 1) * 32 > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(1024, this.#count * 2) * 32);
      this.#bytes.copy(grown, 0, 0, this.#count * 32);
      this.#bytes = grown;
    }
    this.#bytes.write(hex, this.#count * 32, 32, 'hex');
    this.#count += 1;
  }

  /** Forgets the digests after the first `count` (a failed append rolls back). */
  truncate(count: number): void {
    this.#count = Math.min(this.#count, count);
  }

  /** Hex digest of record `seq` (1-based); the genesis hash for 0. */
  hexOf(seq: number): string {
    if (seq === 0) return '0'.repeat(64);
    if (seq < 0 || seq > this.#count) throw new RangeError(`no record ${seq}`);
    return this.#bytes.toString('hex', (seq - 1) * 32, seq * 32);
  }
}
