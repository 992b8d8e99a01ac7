/** The state at the chosen moment, from the worker; stale answers are dropped, so scrubbing stays smooth. */
import { useEffect, useRef, useState } from 'react';
import type { Knowing, MomentState, TimelineView } from './replay-protocol';
import type { ReplayClient } from './replay-client';

export function useTimelineView(replay: ReplayClient, company: string | undefined, { knownAt, knownBy }: Knowing, version: number) {
  const [view, setView] = useState<TimelineView>();
  useEffect(() => {
    if (!company) return;
    let current = true;
    replay.ask({ op: 'view', company, ...(knownAt ? { knownAt, knownBy } : {}) }).then((v) => current && setView(v), () => current && setView(undefined));
    return () => {
      current = false;
    };
  }, [replay, company, knownAt, knownBy, version]);
  return view;
}

export function useMomentState(replay: ReplayClient, company: string | undefined, at: number | undefined, { knownAt, knownBy }: Knowing, version: number) {
  const [state, setState] = useState<MomentState>();
  const latest = useRef(0);
  useEffect(() => {
    if (!company || at === undefined) return;
    const ticket = ++latest.current;
    replay.ask({ op: 'state', company, at, ...(knownAt ? { knownAt, knownBy } : {}) }).then(
      (s) => ticket === latest.current && setState(s),
      () => ticket === latest.current && setState(undefined),
    );
  }, [replay, company, at, knownAt, knownBy, version]);
  return state;
}
