/** The state at the chosen moment, from the worker; stale answers are dropped, so scrubbing stays smooth. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLatest } from './useLatest';
import type { Knowing, MomentState, Request, TimelineView } from './replay-protocol';
import type { ReplayClient } from './replay-client';
import { DEFAULT_LIMITS, mergeView, type Limits } from './state-view';

export function useTimelineView(replay: ReplayClient, company: string | undefined, { knownAt, knownBy }: Knowing, version: number) {
  /** `version`: the log head the view was asked at. */
  const [view, setView] = useState<TimelineView & { version: number }>();
  useEffect(() => {
    if (!company) {
      // No company shown (another log is loading): no view of the last one lingers.
      setView(undefined);
      return;
    }
    let current = true;
    replay.ask({ op: 'view', company, ...(knownAt ? { knownAt, knownBy } : {}) }).then((v) => current && setView({ ...v, version }), () => current && setView(undefined));
    return () => {
      current = false;
    };
  }, [replay, company, knownAt, knownBy, version]);
  // Another company's view is never the answer: after a switch the last one's stays in state until this one's comes.
  return view?.company === company ? view : undefined;
}

/**
 * Asks for a moment, saying which sections `base` already holds: the worker sends only the others,
 * and the answer reuses base's objects for the rest (so unchanged panels keep their props).
 */
export async function askMoment(replay: ReplayClient, request: Extract<Request, { op: 'state' }>, base?: MomentState): Promise<MomentState> {
  const answer = await replay.ask(base ? { ...request, held: base.keys } : request);
  return { ...answer, view: mergeView(answer.view, answer.keys, base) };
}

/** How long a reader's move waits for its state before the moment moves without it (about one frame). */
const PREPARE_MS = 16;

/**
 * The state at the chosen moment. `prepare(t)` asks for the state at `t` before the moment moves
 * there, and resolves when it has arrived (or after about a frame, whichever is first): the page
 * then moves the moment and shows its state in one commit and one paint, not two. A moment whose
 * answer is still on its way when the moment moves waits for that answer; it is not asked twice.
 */
function useMomentState(replay: ReplayClient, company: string | undefined, at: number | undefined, { knownAt, knownBy }: Knowing, version: number, limits: Limits = DEFAULT_LIMITS) {
  const [state, setState] = useState<MomentState>();
  /** A state asked for by `prepare`, with the question it answers, the log head it was asked at, and whether a follow asked for it. */
  const [prepared, setPrepared] = useState<{ key: string; version: number; state: MomentState; follow: boolean }>();
  const latest = useRef(0);
  /** The moment the page shows: what the next question says it holds. */
  const held = useRef<MomentState>(undefined);
  /** The answer `prepare` is waiting for, by question. */
  const pending = useRef<{ key: string; version: number; answer: Promise<MomentState> }>(undefined);
  /** Bumped when the log or company goes: answers asked before it are for something no longer shown. */
  const generation = useRef(0);
  const keyOf = useCallback((t: number) => JSON.stringify([company, t, knownAt, knownBy, limits]), [company, knownAt, knownBy, limits]);
  const key = at === undefined ? undefined : keyOf(at);
  // A follow's state may come after more of the log: it is shown for its moment once (and asked again, below).
  const ready = prepared && prepared.key === key && (prepared.version === version || prepared.follow) ? prepared : undefined;
  /** The state at `t` for the company, saying which sections the page already holds (another company's share nothing). */
  const ask = useCallback(
    (company: string, t: number) => askMoment(replay, { op: 'state', company, at: t, limits, ...(knownAt ? { knownAt, knownBy } : {}) }, held.current?.company === company ? held.current : undefined),
    [replay, knownAt, knownBy, limits],
  );

  useEffect(() => {
    if (!company || at === undefined) {
      // Another log (or none): nothing asked for the last one may answer for it.
      generation.current += 1;
      latest.current += 1;
      pending.current = undefined;
      held.current = undefined;
      setPrepared(undefined);
      setState(undefined);
      return;
    }
    const ticket = ++latest.current;
    if (ready) {
      held.current = ready.state;
      setState(ready.state);
      if (ready.version === version) return;
      // Prepared before more of the log came in: shown meanwhile (it is this moment's), and asked
      // again, for the next run (with no prepared state) to wait for. Only this prepared state is
      // dropped: this effect can run after a later follow's state and move were set (passive
      // effects wait for a task, and a worker's answer can come first), and dropping that one
      // moved the moment without its state, shown busy.
      setPrepared((p) => (p === ready ? undefined : p));
      pending.current = { key: key!, version, answer: ask(company, at) };
      return;
    }
    const waiting = pending.current;
    const answer = waiting && waiting.key === key && waiting.version === version ? waiting.answer : ask(company, at);
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
  }, [company, at, key, version, ready, ask]);

  const prepare = useCallback(
    (t: number, follow = false) =>
      new Promise<void>((resolve) => {
        if (!company) return resolve();
        // A follow waits for its state however long it takes (see useMoment).
        const timer = follow ? undefined : setTimeout(resolve, PREPARE_MS);
        const key = keyOf(t);
        const asked = generation.current;
        const answer = ask(company, t);
        const mine = { key, version, answer };
        pending.current = mine;
        answer.then(
          (s) => {
            if (pending.current === mine) pending.current = undefined;
            if (asked === generation.current) setPrepared({ key, version, state: s, follow });
            clearTimeout(timer);
            resolve();
          },
          () => {
            if (pending.current === mine) pending.current = undefined;
            clearTimeout(timer);
            resolve();
          },
        );
      }),
    [company, keyOf, ask, version],
  );

  // Another company's state is never the answer: after a move to another company (Back, a bookmark) the last one's stays in state until this one's comes.
  const shown = ready?.state ?? state;
  return { state: shown?.company === company ? shown : undefined, prepare };
}

/**
 * The chosen moment, its state, and the ways it moves: at once (`setAt`: another company, a
 * bookmark, Back, a typed time), or prepared (`moveTo`: the scrubber, a picked event), which first
 * asks for the new moment's state so that both change in one paint. `moveTo` is stable (a play
 * timer keeps running), and a prepared move is dropped if the moment was set at once meanwhile.
 * `follow` is the page's own move, not the reader's (the end of a loading log): it waits for its
 * state however long it takes, so the state shown never turns busy for it, and it is dropped if
 * the reader moves meanwhile, or the page follows further.
 */
export function useMoment(replay: ReplayClient, company: string | undefined, known: Knowing, version: number, limits: Limits, initialAt: number | undefined) {
  const [at, setMomentNow] = useState(initialAt);
  const { state, prepare } = useMomentState(replay, company, at, known, version, limits);
  const prepareRef = useLatest(prepare);
  /** Bumped by every move made at once: a prepared move asked before it no longer applies. */
  const directMoves = useRef(0);
  /** Bumped by every move the reader asks for, at once or prepared: a follow asked before it no longer applies. */
  const readerMoves = useRef(0);
  /** Bumped by every follow: only the latest applies. */
  const follows = useRef(0);
  const setAt = useCallback((t: number | undefined) => {
    directMoves.current += 1;
    readerMoves.current += 1;
    setMomentNow(t);
  }, []);
  const moveTo = useCallback((t: number) => {
    const asked = directMoves.current;
    readerMoves.current += 1;
    void prepareRef.current(t).then(() => {
      if (asked === directMoves.current) setMomentNow(t);
    });
  }, [prepareRef]);
  const follow = useCallback((t: number) => {
    const asked = readerMoves.current;
    const mine = ++follows.current;
    void prepareRef.current(t, true).then(() => {
      if (asked === readerMoves.current && mine === follows.current) setMomentNow(t);
    });
  }, [prepareRef]);
  const movesByReader = useCallback(() => readerMoves.current, []);
  return { at, setAt, moveTo, follow, movesByReader, state };
}
