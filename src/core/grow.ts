/** A copy of `array` with room for at least `capacity` entries (doubling, so appends stay cheap); new slots hold `fill`. */
export function grow(array: Float64Array, capacity: number, fill?: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(capacity, array.length * 2));
  if (fill !== undefined) next.fill(fill);
  next.set(array);
  return next;
}
