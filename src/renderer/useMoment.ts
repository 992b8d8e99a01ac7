/** The state at the chosen moment, from the worker; stale answers are dropped, so scrubbing stays smooth. */
import { useCallback, useEffect, useRef, useState } from 'react';
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

/** How long a move waits for its state before the moment moves without it (about one frame). */
const PREPARE_MS = 16;

/**
 * The state at the chosen moment. `prepare(t)` asks for the state at `t` before the moment moves
 * there, and resolves when it has arrived (or after about a frame, whichever is first): the page
 * then moves the moment and shows its state in one commit and one paint, not two.
 */
export function useMomentState(replay: ReplayClient, company: string | undefined, at: number | undefined, { knownAt, knownBy }: Knowing, version: number, limits: Limits = DEFAULT_LIMITS) {
  const [state, setState] = useState<MomentState>();
  const latest = useRef(0);
  /** The moment the page shows: what the next question says it holds. */
  const held = useRef<MomentState>(undefined);
  /** A state asked for by `prepare`, for the question it answers. */
  const prepared = useRef<{ key: string; state: MomentState }>(undefined);
  const keyOf = useCallback((t: number) => JSON.stringify([company, t, knownAt, knownBy, version, limits]), [company, knownAt, knownBy, version, limits]);
  const ready = at !== undefined && prepared.current?.key === keyOf(at) ? prepared.current.state : undefined;
  /** What the last question was based on: another company, or other limits, share nothing worth keeping. */
  const baseFor = (company: string) => (held.current && held.current.view.id === company ? held.current : undefined);

  useEffect(() => {
    if (!company || at === undefined) return;
    const ticket = ++latest.current;
    if (ready) {
      held.current = ready;
      setState(ready);
      return;
    }
    askMoment(replay, { op: 'state', company, at, limits, ...(knownAt ? { knownAt, knownBy } : {}) }, baseFor(company)).then(
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
    // `ready` follows from the others.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [replay, company, at, knownAt, knownBy, version, limits]);

  const prepare = useCallback(
    (t: number) =>
      new Promise<void>((resolve) => {
        if (!company) return resolve();
        const timer = setTimeout(resolve, PREPARE_MS);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        askMoment(replay, { op: 'state', company, at: t, limits, ...(knownAt ? { knownAt, knownBy } : {}) }, baseFor(company)).then((s) => {
          prepared.current = { key: keyOf(t), state: s };
          done();
        }, done);
      }),
    [replay, company, knownAt, knownBy, limits, keyOf],
  );

  return { state: ready ?? state, prepare };
}
