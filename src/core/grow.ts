type Growable = Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

/** A copy of `array` with room for at least `capacity` entries (doubling, so appends stay cheap); new slots hold `fill`. */
export function grow<T extends Growable>(array: T, capacity: number, fill?: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(capacity, array.length * 2));
  if (fill !== undefined) next.fill(fill);
  next.set(array);
  return next;
}
