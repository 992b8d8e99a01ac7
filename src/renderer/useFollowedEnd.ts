/**
 * The moment starts at the last event, and while the log loads it follows the end of what has
 * loaded, until the reader moves it: the scrubber is usable for the records already in.
 */
import { useEffect, useRef } from 'react';
import type { TimelineView } from './replay-protocol';

interface Following {
  view: (TimelineView & { version: number }) | undefined;
  company: string | undefined;
  at: number | undefined;
  setAt(t: number): void;
  /** Whether a move the reader made is waiting for its state. */
  isMoving(): boolean;
  loading: boolean;
  head: number;
}

export function useFollowedEnd({ view, company, at, setAt, isMoving, loading, head }: Following): void {
  const followed = useRef<number>(undefined);
  /** Set once the view of the whole log has arrived: from then on the moment stays where it is. */
  const settled = useRef(false);
  useEffect(() => {
    if (loading) settled.current = false;
  }, [loading]);
  useEffect(() => {
    // The view of the company shown (after a switch, the last company's view is still here a moment).
    if (!view || view.company !== company || !view.times.length) return;
    const end = view.times[view.times.length - 1]!;
    // A move the reader made and is waiting for its state is the reader's: the end is not followed
    // over it, and the log is not taken as settled in a run that left it alone.
    if (isMoving() && at !== undefined) return;
    if (at === undefined || (at === followed.current && !settled.current && at !== end)) {
      followed.current = end;
      setAt(end);
    }
    if (!loading && view.version === head) settled.current = true;
  }, [view, company, at, loading, head, setAt, isMoving]);
}
