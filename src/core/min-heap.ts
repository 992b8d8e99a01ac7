/** Values by a number, smallest first. */
export class MinHeap<T> {
  readonly #keys: number[] = [];
  readonly #values: T[] = [];

  get size(): number {
    return this.#keys.length;
  }

  /** The smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.#keys.length > 0 ? this.#keys[0]! : Infinity;
  }

  push(key: number, value: T): void {
    let i = this.#keys.length;
    this.#keys.push(key);
    this.#values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#keys[parent]! <= key) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#keys[i] = key;
    this.#values[i] = value;
  }

  /** Takes out the value with the smallest key. */
  pop(): T | undefined {
    if (this.#keys.length === 0) return undefined;
    const top = this.#values[0];
    const [key, value] = [this.#keys.pop()!, this.#values.pop()!];
    const size = this.#keys.length;
    if (size === 0) return top;
    let i = 0;
    for (let child = 1; child < size; child = 2 * i + 1) {
      if (child + 1 < size && this.#keys[child + 1]! < this.#keys[child]!) child += 1;
      if (this.#keys[child]! >= key) break;
      this.#move(child, i);
      i = child;
    }
    this.#keys[i] = key;
    this.#values[i] = value;
    return top;
  }

  #move(from: number, to: number): void {
    this.#keys[to] = this.#keys[from]!;
    this.#values[to] = this.#values[from]!;
  }
}
