/**
 * While the host opens a log, a call about the log waits for it (see `LogSession`); this asks the
 * host meanwhile how far it has read the file (`log:opening`), which it answers at once.
 */
import type { OpeningProgress } from '../core/contract';
import type { Api } from './api';

/** How often to ask: often enough to move a progress bar, rarely enough to cost the host nothing. */
const POLL_MS = 250;

/** `answer`, once it comes; until then, `show` is given the host's progress every `POLL_MS`, and then undefined. */
export async function whileOpening<T>(api: Api, answer: Promise<T>, show: (opening: OpeningProgress | undefined) => void): Promise<T> {
  let settled = false;
  const poll = async () => {
    // At once: a page loads while its host opens the log, and the opening may be half done.
    while (!settled) {
      const asked = await api.contract['log:opening']({});
      if (settled) return;
      if (asked.ok) show(asked.value ?? undefined);
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
