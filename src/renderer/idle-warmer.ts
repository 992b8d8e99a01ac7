/**
 * While the replay worker has nothing to do, it builds the head's checkpoints of the company last
 * asked about toward that company's end, then what a known-at question reads of them (see
 * `Timeline.warm`), a slice at a time between messages, so that a jump there finds them built. At a million events, the records added after a question invalidate the
 * checkpoints from their earliest back-dated fact on, and the next jump far ahead waited seconds
 * for their rebuild.
 */
export interface Warmable {
  /** Builds up to `blocks` more checkpoints; true once there is nothing left to build. */
  warm(blocks: number): boolean;
}

export class IdleWarmer {
  readonly #timelineOf: (company: string) => Warmable | undefined;
  readonly #quietMs: number;
  readonly #blocks: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #company: string | undefined;
  /** Work still running after its message was answered (records being added): no warming meanwhile. */
  #running = 0;

  /** `blocks` per slice: about a millisecond each at a million events, so a question waits a few at most. */
  constructor(timelineOf: (company: string) => Warmable | undefined, quietMs = 250, blocks = 8) {
    this.#timelineOf = timelineOf;
    this.#quietMs = quietMs;
    this.#blocks = blocks;
  }

  /** A message came: warming waits for quiet again. A state question names the company to warm. */
  heard(company?: string): void {
    clearTimeout(this.#timer);
    if (company !== undefined) this.#company = company;
    this.#timer = setTimeout(this.#slice, this.#quietMs);
  }

  /** Work that goes on after its message (records being added): warming starts once it has ended. */
  during(work: Promise<unknown>): void {
    this.#running += 1;
    const ended = () => {
      this.#running -= 1;
      this.heard();
    };
    work.then(ended, ended);
  }

  readonly #slice = () => {
    if (this.#running > 0 || this.#company === undefined) return;
    const timeline = this.#timelineOf(this.#company);
    if (!timeline || timeline.warm(this.#blocks)) return;
    this.#timer = setTimeout(this.#slice, 0);
  };
}
