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
 * then moves the moment and shows its state in one commit and one paint, not two. A moment whose
 * answer is still on its way when the moment moves waits for that answer; it is not asked twice.
 */
export function useMomentState(replay: ReplayClient, company: string | undefined, at: number | undefined, { knownAt, knownBy }: Knowing, version: number, limits: Limits = DEFAULT_LIMITS) {
  const [state, setState] = useState<MomentState>();
  /** A state asked for by `prepare`, with the question it answers. */
  const [prepared, setPrepared] = useState<{ key: string; state: MomentState }>();
  const latest = useRef(0);
  /** The moment the page shows: what the next question says it holds. */
  const held = useRef<MomentState>(undefined);
  /** The answer `prepare` is waiting for, by question. */
  const pending = useRef<{ key: string; answer: Promise<MomentState> }>(undefined);
  const keyOf = useCallback((t: number) => JSON.stringify([company, t, knownAt, knownBy, version, limits]), [company, knownAt, knownBy, version, limits]);
  const key = at === undefined ? undefined : keyOf(at);
  const ready = prepared && prepared.key === key ? prepared.state : undefined;

  useEffect(() => {
    if (!company || at === undefined) {
      // Another log (or none): nothing prepared for the last one may answer for it.
      pending.current = undefined;
      setPrepared(undefined);
      return;
    }
    const ticket = ++latest.current;
    if (ready) {
      held.current = ready;
      setState(ready);
      return;
    }
    const base = held.current && held.current.view.id === company ? held.current : undefined;
    const waiting = pending.current;
    const answer = waiting && waiting.key === key ? waiting.answer : askMoment(replay, { op: 'state', company, at, limits, ...(knownAt ? { knownAt, knownBy } : {}) }, base);
    answer.then(
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
  }, [replay, company, at, knownAt, knownBy, limits, key, ready]);

  const prepare = useCallback(
    (t: number) =>
      new Promise<void>((resolve) => {
        if (!company) return resolve();
        const timer = setTimeout(resolve, PREPARE_MS);
        const base = held.current && held.current.view.id === company ? held.current : undefined;
        const key = keyOf(t);
        const answer = askMoment(replay, { op: 'state', company, at: t, limits, ...(knownAt ? { knownAt, knownBy } : {}) }, base);
        pending.current = { key, answer };
        answer.then(
          (s) => {
            if (pending.current?.key === key) pending.current = undefined;
            setPrepared({ key, state: s });
            clearTimeout(timer);
            resolve();
          },
          () => {
            if (pending.current?.key === key) pending.current = undefined;
            clearTimeout(timer);
            resolve();
          },
        );
      }),
    [replay, company, knownAt, knownBy, limits, keyOf],
  );

  return { state: ready ?? state, prepare };
}
