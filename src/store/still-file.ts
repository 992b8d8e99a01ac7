/**
 * Whether a file stayed as it was while two threads read it, told by its ctime: damage seen in a
 * file that changed meanwhile may be of the two reads' mixing, and is checked by reading it again
 * on one thread. (Integrity does not rest on it: every line is hashed from the bytes it was parsed
 * from.) A stored index's key is worked out from the file once it is open, and kept only if the
 * ctime did not move meanwhile (`key-once-open.ts`). The kernel sets the ctime when the file is
 * written, truncated, linked, unlinked or renamed over, or its times are set, and no program can
 * set it back. It stamps it from a clock that moves in ticks: a few milliseconds, or whole seconds
 * on file systems that keep only seconds (ext4 with small inodes, ext3, FAT, HFS+). A change in the same tick as the one before could leave it as it
 * was, so a read that relies on it starts only once the file has been still for longer than a tick.
 * It does not see a write through a shared memory mapping to a page already written that way, nor,
 * on a network file system, another client's write while attributes are cached.
 */
import { fstatSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Longer than the kernel's clock tick (1 to 10 ms), with room to spare. */
const TICK_MS = 25;

/**
 * How long a file whose ctime is `ctimeMs` must yet stay still, at `now`, before any change moves
 * its ctime. A ctime on a whole second is taken as coming from a file system that keeps seconds
 * (on one that keeps nanoseconds, one ctime in a million falls there, and is waited for needlessly).
 */
export function stillFor(ctimeMs: number, now: number): number {
  const tick = ctimeMs % 1000 === 0 ? 1000 + TICK_MS : TICK_MS;
  return Math.max(0, ctimeMs + tick - now);
}

/** Whether a ctime is later than `now`, a Date.now() (whole milliseconds): one later in the same millisecond is not. */
export const aheadOf = (ctimeMs: number, now: number): boolean => Math.floor(ctimeMs) > now;

/**
 * The file's ctime, once it has been still for a tick (waiting out a short one if it changed just
 * now), so that any change from then on moves it; undefined if it may still be changing, or its
 * tick is a second.
 */
export async function stillSince(fd: number): Promise<number | undefined> {
  const { ctimeMs } = fstatSync(fd);
  const now = Date.now();
  // A second's tick, or a ctime ahead of the clock (set back since): reading on one thread costs less than waiting.
  if (ctimeMs % 1000 === 0 || aheadOf(ctimeMs, now)) return undefined;
  const wait = stillFor(ctimeMs, now);
  if (wait === 0) return ctimeMs;
  await sleep(wait);
  return fstatSync(fd).ctimeMs === ctimeMs ? ctimeMs : undefined;
}

/** Whether the file has not changed since `since` (a ctime from `stillSince`). */
export const stillAt = (fd: number, since: number): boolean => fstatSync(fd).ctimeMs === since;
