/**
 * Operations run one at a time, in the order they were given: each starts once the one before it
 * has settled, whether it succeeded or failed (a failure is its caller's, not the next one's).
 */
export class Serial {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(operation);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Settles once every operation given so far has. */
  get settled(): Promise<unknown> {
    return this.#tail;
  }
}
