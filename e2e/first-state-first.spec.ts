/**
 * A log of many pages shows its first state before the rest of it loads: the pages after the
 * first wait until that state is on screen, so its questions are not answered behind them (on a
 * 2-core machine, a median of about 120 ms sooner at 100k events).
 *
 * Web mode only (the chromium project): it starts a web host on a generated log and watches the
 * page's HTTP requests; the desktop window loads through the same hook (`useLog`) over IPC.
 */
import { expect, test, type Request } from '@playwright/test';
import { fromSeqOf, onGeneratedLog, wholeLogLoaded } from './generated-log';

/** Several pages: the first (a few hundred records) and at least two after it. */
const EVENTS = 30_000;

test('the records after the first page are asked for only once the first state is on screen', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it watches the worker\'s HTTP reads of the log, which the desktop app (IPC) does not make; both modes wait in the same code, src/renderer/useLog.ts (firstStateOnScreen)');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 5 }, async ({ page, url }) => {
    // On the page's own clock: when the first state entered the document, and when the page asked
    // its replay worker to fetch each page of records (the worker then makes the HTTP read).
    await page.addInitScript(() => {
      const seen = globalThis as { firstState?: number; asked?: { fromSeq: number; at: number }[] };
      seen.asked = [];
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.state[data-moment]')) return;
        observer.disconnect();
        seen.firstState = performance.now();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true });
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const request = (message as { request?: { op?: string; fromSeq?: number } }).request;
        if (request?.op === 'fetch') seen.asked!.push({ fromSeq: request.fromSeq!, at: performance.now() });
        return (post as (this: Worker, ...args: unknown[]) => void).call(this, message, ...rest);
      };
    });
    const reads: { fromSeq: number; request: Request }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/log:read')) reads.push({ fromSeq: fromSeqOf(request), request });
    });
    await page.goto(url);
    await wholeLogLoaded(page);

    const { firstState, asked } = await page.evaluate(() => {
      const seen = globalThis as { firstState?: number; asked?: { fromSeq: number; at: number }[] };
      return { firstState: seen.firstState, asked: seen.asked ?? [] };
    });
    expect(firstState).toBeDefined();
    // The reads on the wire are the ones asked for, the first page first.
    expect(reads.map((read) => read.fromSeq).sort((a, b) => a - b)).toEqual(asked.map((a) => a.fromSeq).sort((a, b) => a - b));
    expect(asked[0]?.fromSeq).toBe(1);
    const later = asked.filter((a) => a.fromSeq > 1);
    expect(later.length).toBeGreaterThanOrEqual(2);
    // Each asked for after the first state, on the page's one clock (the network's timing of a
    // request is taken in another process, and is not compared with the page's here).
    for (const read of later) expect(read.at, `the read from ${read.fromSeq}`).toBeGreaterThanOrEqual(firstState!);
  });
});
