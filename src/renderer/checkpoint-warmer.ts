/**
 * While the replay worker has nothing to do, it builds the head's checkpoints of the company on
 * screen ahead of the questions, a few hundred entries at a time. Otherwise they are built when a
 * question first needs them: the first jump into the middle of a million events waited about 2 s
 * for them, and every question behind it too.
 *
 * A request puts building off until the worker has been idle again for a moment, so a load (pages
 * of records one after the other) or a drag never waits for it for more than one slice.
 */
import type { Ledger } from '../core/ledger';

/** How long the worker must have had nothing to do before building, and how long one slice builds. */
const IDLE_MS = 50;
const SLICE_MS = 8;
/** How many entries each step of a slice builds over (two checkpoints' worth). */
const STEP = 256;

export function checkpointWarmer(current: () => Ledger): { busy(shown?: string): void } {
  let company: string | undefined;
  /** How far building has come, on which ledger at which head (records added may move entries: start again; what is built is skipped). */
  let at = { ledger: undefined as Ledger | undefined, head: -1, position: 0 };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const ledger = current();
    // Noted first, whatever follows: a log switched to must not keep the one before alive.
    if (at.ledger !== ledger || at.head !== ledger.head) at = { ledger, head: ledger.head, position: 0 };
    const timeline = company === undefined ? undefined : ledger.timeline(company);
    if (!timeline) return;
    const until = performance.now() + SLICE_MS;
    while (at.position < timeline.length) {
      if (performance.now() >= until) return void (timer = setTimeout(slice, 0));
      at.position = Math.min(timeline.length, at.position + STEP);
      // Built, not asked: a question at the head would count as the reader's last (see `Timeline.stateAt`). What is built stays.
      timeline.prepare(at.position);
    }
  };
  return {
    /** A request came (about the company `shown`, where it says): building waits for the worker to be idle again. */
    busy(shown?: string) {
      if (shown !== undefined && shown !== company) [company, at.position] = [shown, 0];
      clearTimeout(timer);
      timer = setTimeout(slice, IDLE_MS);
    },
  };
}
