/**
 * While the host opens a log, a call about the log waits for it (see `LogSession`); this asks the
 * host meanwhile how far it has read the file (`log:opening`), which it answers at once.
 */
import type { OpeningProgress } from '../core/contract';
import type { Api } from './api';
import { timeLeft, type Arrival } from './load-estimate';

/** The host's progress, with the time left at its pace so far (none until a quarter is read: see `timeLeft`). */
export interface Opening extends OpeningProgress {
  etaMs?: number;
}

/** How often to ask: often enough to move a progress bar, rarely enough to cost the host nothing. */
const POLL_MS = 250;

/** `answer`, once it comes; until then, `show` is given the host's progress every `POLL_MS`, and then undefined. */
export async function whileOpening<T>(api: Api, answer: Promise<T>, show: (opening: Opening | undefined) => void): Promise<T> {
  let settled = false;
  /**
   * How far the file had been read, at each answer: the pace of the last ones says the time left.
   * From the start of the opening, it took in the host's start-up (its lock, its worker) and the
   * page's first state, and at a million events said 14 s left with 9 s to go.
   */
  const arrivals: Arrival[] = [];
  /** The last answer: another log's opening, or the same log's begun again, starts a pace of its own. */
  let last: OpeningProgress | undefined;
  const poll = async () => {
    // At once: a page loads while its host opens the log, and the opening may be half done.
    while (!settled) {
      const asked = await api.contract['log:opening']({});
      if (settled) return;
      const opening = asked.ok ? asked.value : null;
      if (opening && last && (opening.path !== last.path || opening.elapsedMs < last.elapsedMs)) arrivals.length = 0;
      if (opening) last = opening;
      if (opening && opening.read > (arrivals.at(-1)?.loaded ?? 0)) arrivals.push({ at: opening.elapsedMs, loaded: opening.read });
      const etaMs = opening && opening.read < opening.size ? timeLeft(arrivals, opening.size) : undefined;
      if (asked.ok) show(opening ? { ...opening, ...(etaMs !== undefined ? { etaMs } : {}) } : undefined);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  // A transport that throws (rather than answer an error) ends the polling, not the page's call.
  poll().catch(() => undefined);
  try {
    return await answer;
  } finally {
    settled = true;
    show(undefined);
  }
}
