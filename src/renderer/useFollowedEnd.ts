/**
 * The moment starts at the last event, and while the log loads it follows the end of what has
 * loaded, until the reader moves it: the scrubber is usable for the records already in.
 */
import { useEffect, useRef, useState } from 'react';
import type { TimelineView } from './replay-protocol';

interface Following {
  /** The shown company's view (useTimelineView). */
  view: (TimelineView & { version: number }) | undefined;
  at: number | undefined;
  setAt(t: number): void;
  /** Moves the moment once its state is here, unless the reader moves first (useMoment). */
  follow(t: number): void;
  /** How many moves the reader has asked for so far. */
  movesByReader(): number;
  loading: boolean;
  head: number;
}

/**
 * Returns whether the moment is following the end (of what has loaded) rather than where the reader
 * put it: true until the reader moves, or the whole log's view has come and the moment has reached its end.
 */
export function useFollowedEnd({ view, at, setAt, follow, movesByReader, loading, head }: Following): boolean {
  /** The reader's moves when the moment was put at the end: the end is followed until there are more. */
  const since = useRef<number>(undefined);
  /** The end last followed to (its move may still wait for its state). */
  const followed = useRef<number>(undefined);
  /**
   * Set once the view of the whole log has arrived: from then on the moment stays where it is. State,
   * not a ref, so the render that follows it says the follow is over (it changes twice a load, not per page).
   */
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (loading) setSettled(false);
  }, [loading]);
  useEffect(() => {
    if (!view || !view.times.length) return;
    const end = view.times[view.times.length - 1]!;
    if (at === undefined) {
      // Placed at once: a company with no moment yet has no state to keep on screen meanwhile.
      // setAt counts as a move, so the count is taken after it, or the placement would end the follow.
      setAt(end);
      since.current = movesByReader();
      followed.current = end;
    } else if (since.current === movesByReader() && !settled && followed.current !== end) {
      followed.current = end;
      follow(end);
    }
    if (!loading && view.version === head) setSettled(true);
  }, [view, at, loading, head, settled, setAt, follow, movesByReader]);
  // The last follow's move waits for its state: until it lands, the moment shown is not yet the end.
  return since.current !== undefined && since.current === movesByReader() && (!settled || at !== followed.current);
}
