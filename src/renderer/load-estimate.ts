/**
 * How long the rest of a log's load will take, at the pace of its latest pages. The first pages are
 * the slowest per record (the worker's code still cold, the first state's questions, each page
 * half the next), so an average from the start overstated the wait: "about 56 s left" 1.6 s into
 * a 100k log that loaded in 6.5 s. No estimate until a quarter is in and three pages have come.
 */
export interface Arrival {
  /** When the page was in (ms, any clock). */
  at: number;
  /** Records loaded by then. */
  loaded: number;
}

export function timeLeft(arrivals: readonly Arrival[], total: number): number | undefined {
  const latest = arrivals.at(-1);
  const from = arrivals.at(-3);
  if (!latest || !from || latest.loaded < total / 4 || latest.loaded <= from.loaded) return undefined;
  return ((latest.at - from.at) / (latest.loaded - from.loaded)) * (total - latest.loaded);
}
