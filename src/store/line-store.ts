/**
 * The bytes of a log's lines as read at open, by seq: the chunks the reader read (kept, not reused)
 * and where each line sits in them. A ledger keeps records as these lines and parses one only when
 * it is first needed; the bytes are the very bytes that were hashed and checked, never re-read from
 * the file (which another process could have changed since).
 */
export class LineStore {
  readonly #chunks: Buffer[] = [];
  #chunk = new Int32Array(1024);
  #start = new Int32Array(1024);
  #end = new Int32Array(1024);
  #count = 0;

  /** Starts a new chunk; the lines added next are in it. */
  addChunk(chunk: Buffer): void {
    this.#chunks.push(chunk);
  }

  /** Line number `count + 1` is bytes `start`..`end` of the latest chunk. */
  push(start: number, end: number): void {
    if (this.#count === this.#chunk.length) {
      const grow = (a: Int32Array) => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      [this.#chunk, this.#start, this.#end] = [grow(this.#chunk), grow(this.#start), grow(this.#end)];
    }
    this.#chunk[this.#count] = this.#chunks.length - 1;
    this.#start[this.#count] = start;
    this.#end[this.#count] = end;
    this.#count += 1;
  }

  get count(): number {
    return this.#count;
  }

  /** The text of line `seq` (1-based). */
  readonly text = (seq: number): string => {
    if (seq < 1 || seq > this.#count) throw new RangeError(`no line ${seq}`);
    const i = seq - 1;
    return this.#chunks[this.#chunk[i]!]!.toString('utf8', this.#start[i], this.#end[i]);
  };
}
