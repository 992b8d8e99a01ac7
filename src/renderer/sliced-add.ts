/**
 * Records join the replay worker's ledger a few milliseconds at a time, with the worker's other
 * messages let in between. Added in one go, a page of 20,000 records held the worker for 0.3-0.6 s
 * on a slow machine, and a question asked meanwhile (the first state while the rest of the log
 * loads, a step of the scrubber on what has loaded) waited behind every page already on its way.
 */
import type { EventRecord } from '../core/event';

/** About how long the worker adds records before it answers what is waiting. */
const SLICE_MS = 8;
/** Records added between two looks at the clock. */
const BETWEEN_LOOKS = 64;

/**
 * Resolves once the messages already waiting for this thread have been handled. A message to
 * itself queues behind them (a page's questions arrive as messages too); a timer would not be
 * sooner, and nested timers are held back 4 ms each.
 */
function afterWaitingMessages(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Calls `add` with each record in order, letting waiting messages in every few milliseconds.
 * Stops early, returning false, if `wanted` turns false meanwhile (the log was reloaded).
 */
export async function addInSlices(records: readonly EventRecord[], add: (record: EventRecord) => void, wanted: () => boolean): Promise<boolean> {
  let sliceStart = performance.now();
  for (let i = 0; i < records.length; i++) {
    if (i % BETWEEN_LOOKS === 0 && performance.now() - sliceStart > SLICE_MS) {
      await afterWaitingMessages();
      if (!wanted()) return false;
      sliceStart = performance.now();
    }
    add(records[i]!);
  }
  return true;
}
