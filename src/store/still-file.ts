/**
 * Whether a file stayed as it was while two threads read it, told by its ctime: the kernel sets it
 * on every change to the file (its bytes, its length, its links, its other times), and no program
 * can set it back. The kernel stamps it from a clock that moves in ticks of a few milliseconds, so a
 * change in the same tick as the one before could leave it as it was: a read that relies on it
 * starts only once the file has been still for longer than a tick.
 */
import { fstatSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Longer than the kernel's clock tick (1 to 10 ms), with room to spare. */
const TICK_MS = 25;

/**
 * The file's ctime, once it has been still for a tick (waiting one out if it changed just now), so
 * that any change from then on moves it; undefined if it is still changing.
 */
export async function stillSince(fd: number): Promise<number | undefined> {
  const { ctimeMs } = fstatSync(fd);
  const wait = ctimeMs + TICK_MS - Date.now();
  if (wait <= 0) return ctimeMs;
  // At most a tick, for a ctime ahead of the clock (the clock was set back): a change now stamps the
  // time now, which differs from it all the same.
  await sleep(Math.min(wait, TICK_MS));
  return fstatSync(fd).ctimeMs === ctimeMs ? ctimeMs : undefined;
}

/** Whether the file has not changed since `since` (a ctime from `stillSince`). */
export const stillAt = (fd: number, since: number): boolean => fstatSync(fd).ctimeMs === since;
