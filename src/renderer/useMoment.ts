/** The state at the chosen moment, from the worker; stale answers are dropped, so scrubbing stays smooth. */
import { useEffect, useRef, useState } from 'react';
import type { Knowing, MomentState, Request, TimelineView } from './replay-protocol';
import type { ReplayClient } from './replay-client';
import { DEFAULT_LIMITS, mergeView, type Limits } from './state-view';

export function useTimelineView(replay: ReplayClient, company: string | undefined, { knownAt, knownBy }: Knowing, version: number) {
  /** `version`: the log head the view was asked at. */
  const [view, setView] = useState<TimelineView & { version: number }>();
  useEffect(() => {
    if (!company) return;
    let current = true;
    replay.ask({ op: 'view', company, ...(knownAt ? { knownAt, knownBy } : {}) }).then((v) => current && setView({ ...v, version }), () => current && setView(undefined));
    return () => {
      current = false;
    };
  }, [replay, company, knownAt, knownBy, version]);
  return view;
}

/**
 * Asks for a moment, saying which sections `base` already holds: the worker sends only the others,
 * and the answer reuses base's objects for the rest (so unchanged panels keep their props).
 */
export async function askMoment(replay: ReplayClient, request: Extract<Request, { op: 'state' }>, base?: MomentState): Promise<MomentState> {
  const answer = await replay.ask(base ? { ...request, held: base.keys } : request);
  return { ...answer, view: mergeView(answer.view, answer.keys, base) };
}

export function useMomentState(replay: ReplayClient, company: string | undefined, at: number | undefined, { knownAt, knownBy }: Knowing, version: number, limits: Limits = DEFAULT_LIMITS) {
  const [state, setState] = useState<MomentState>();
  const latest = useRef(0);
  /** The moment the page shows: what the next question says it holds. */
  const held = useRef<MomentState>(undefined);
  useEffect(() => {
    if (!company || at === undefined) return;
    const ticket = ++latest.current;
    // Another company, or other limits, share nothing worth keeping.
    const base = held.current && held.current.view.id === company ? held.current : undefined;
    askMoment(replay, { op: 'state', company, at, limits, ...(knownAt ? { knownAt, knownBy } : {}) }, base).then(
      (s) => {
        if (ticket !== latest.current) return;
        held.current = s;
        setState(s);
      },
      () => {
        if (ticket !== latest.current) return;
        held.current = undefined;
        setState(undefined);
      },
    );
  }, [replay, company, at, knownAt, knownBy, version, limits]);
  return state;
}
