/** The first index in [0, length) for which `after(index)` holds, given it is false then true. */
export function firstTrue(length: number, after: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index of a sorted array whose value is greater than `value`. */
export const upperBound = (sorted: ArrayLike<number>, value: number): number => firstTrue(sorted.length, (i) => sorted[i]! > value);

/** The first index of a sorted array whose value is at least `value`. */
export const lowerBound = (sorted: ArrayLike<number>, value: number): number => firstTrue(sorted.length, (i) => sorted[i]! >= value);
