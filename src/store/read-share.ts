/**
 * How the reading of a large log is shared between the thread opening it and a worker
 * (`lines-worker.ts`): where the worker's share of the bytes starts.
 */
/** Above this size a worker thread reads the log beside this one (see `lines-worker.ts`). */
export const PARALLEL_READING_BYTES = 16 << 20;
/**
 * The part of a large log (by bytes) this thread parses; a worker parses the rest. Each hashes what
 * it parses, and this thread also indexes every record: a third was the quickest at a million
 * events (0.45 when the worker hashed every line). Writers and readers split the same way (the key of
 * a writer's index is hashed once the log is open, see `key-once-open.ts`).
 */
export const OWN_SHARE = 0.33;
/**
 * And this many bytes more, which this thread parses while the worker starts (a thread, then its
 * script). Measured when a writer's share was rounded to 16 MiB blocks (it is no longer): at 100k
 * events (69 MB) the share then rounded to two blocks rather than one, and the open was 12-15%
 * quicker; at a million, 8 MiB made it 15 blocks rather than 14, and the open about 4% slower.
 */
export const WORKER_START_BYTES = 4 << 20;
/** Where the worker's share of a log of `size` bytes starts: this thread parses the lines that start before it. */
export const shareStart = (size: number): number => Math.min(size, Math.floor(size * OWN_SHARE) + WORKER_START_BYTES);
