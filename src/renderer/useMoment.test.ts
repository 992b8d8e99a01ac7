// @vitest-environment happy-dom
/**
 * useMoment in a real React root: the moment and the state shown move together. The race here is
 * React's own: a render's passive effects run in a task after its commit when the render used up
 * the scheduler's slice, and a worker's answer can land between the two.
 */
import { createElement, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, expect, test, vi } from 'vitest';
import type { ReplayClient } from './replay-client';
import type { MomentState, Request } from './replay-protocol';
import { DEFAULT_LIMITS, SECTIONS } from './state-view';
import { useMoment } from './useMoment';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

/** A worker whose state answers come when the test says, each for the moment asked. */
function heldWorker() {
  const asked: { at: number; answer: () => void }[] = [];
  const replay = {
    ask: (request: Request) =>
      new Promise((resolve) => {
        if (request.op !== 'state') throw new Error(`not asked in this test: ${request.op}`);
        const keys = Object.fromEntries(SECTIONS.map((s) => [s, 'same']));
        const view = 'held' in request && request.held ? {} : Object.fromEntries(SECTIONS.map((s) => [s, null]));
        asked.push({ at: request.at, answer: () => resolve({ company: request.company, at: request.at, view, keys, changes: [], last: null, uncertain: [], coverageFrom: null }) });
      }),
  } as unknown as ReplayClient;
  return { replay, asked };
}

/** The next question the worker was asked, once it has been (a loaded machine renders late). */
const nextAsked = (asked: { at: number; answer: () => void }[]) =>
  vi.waitFor(() => {
    const next = asked.shift();
    if (!next) throw new Error('nothing asked yet');
    return next;
  });

let unmount = () => {};
afterEach(() => unmount());

test("a follow's state set just before a stale render's effects runs stays with its moment: the state shown is never another moment's", async () => {
  const { replay, asked } = heldWorker();
  /** Each commit's moment and the moment of the state it shows. */
  const commits: [number | undefined, number | undefined][] = [];
  let moment!: ReturnType<typeof useMoment>;
  let onVersion2 = () => {};
  function Probe({ version }: { version: number }) {
    moment = useMoment(replay, 'acme', {}, version, DEFAULT_LIMITS, 1_000);
    if (version === 2) {
      // A slow render (a large log's) uses up the scheduler's 5 ms slice: its effects wait for a task.
      const until = performance.now() + 15;
      while (performance.now() < until);
    }
    const shown: MomentState | undefined = moment.state;
    useLayoutEffect(() => {
      commits.push([moment.at, shown?.at]);
      if (version === 2) onVersion2();
    });
    return null;
  }
  const root = createRoot(document.createElement('div'));
  unmount = () => root.unmount();
  root.render(createElement(Probe, { version: 1 }));
  (await nextAsked(asked)).answer();
  await vi.waitFor(() => expect(moment.state?.at).toBe(1_000));
  // The page follows the log's end: the state comes, then the moment moves with it.
  moment.follow(2_000);
  (await nextAsked(asked)).answer();
  await vi.waitFor(() => expect(moment.at).toBe(2_000));
  // Another follow, its answer held; more of the log comes, and the follow's answer lands between
  // that render's commit and its effects.
  moment.follow(3_000);
  const third = await nextAsked(asked);
  expect(third.at).toBe(3_000);
  onVersion2 = () => {
    onVersion2 = () => {};
    third.answer();
  };
  root.render(createElement(Probe, { version: 2 }));
  // Asked again at the new version, for the moment shown.
  (await nextAsked(asked)).answer();
  await vi.waitFor(() => expect(moment.at).toBe(3_000));
  await vi.waitFor(() => expect(commits.at(-1)).toEqual([3_000, 3_000]));
  const busy = commits.filter(([at, shownAt]) => shownAt !== undefined && shownAt !== at);
  expect(busy).toEqual([]);
});
