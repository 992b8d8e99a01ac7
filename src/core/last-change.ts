/**
 * The state at a moment together with the state just before its last change (what that change
 * did, for "what changed"), from one replay: the state just before is asked, and the facts from
 * there to the moment are applied to a copy of it. Asking for both separately replayed twice,
 * which for a new known-at (no checkpoint near) was most of the page's wait.
 */
import { evolve } from './evolve';
import type { Reader } from './ledger';
import { copyState, freezeShallow, type CompanyState } from './state';
import type { Timeline } from './timeline';

export interface StateAndBefore {
  state: CompanyState;
  /** The state just before the last change; the same object as `state` when nothing has changed yet. */
  before: CompanyState;
  /** The last change's position on the timeline, or -1. Baselines (already true when the log starts) are state, never a change. */
  last: number;
}

export function stateAndBefore(reader: Reader, timeline: Timeline, at: number): StateAndBefore {
  const end = timeline.countUntil(at);
  let last = end - 1;
  while (last >= 0 && (!reader.visible(timeline, last) || timeline.effectAt(last).data.baseline)) last -= 1;
  if (last < 0) {
    const state = reader.stateAt(timeline, at);
    return { state, before: state, last };
  }
  const lastTime = timeline.times[last]!;
  const before = reader.stateAt(timeline, lastTime - 1);
  const state = copyState(before);
  for (let i = timeline.countUntil(lastTime - 1); i < end; i++) if (reader.visible(timeline, i)) evolve(state, timeline.effectAt(i));
  return { state: freezeShallow(state), before, last };
}
