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
    // When (epoch ms, from inside the page) the first state entered the document.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('.state[data-moment]')) return;
        observer.disconnect();
        (globalThis as { firstState?: number }).firstState = Date.now();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    });
    const reads: { fromSeq: number; request: Request }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/log:read')) reads.push({ fromSeq: fromSeqOf(request), request });
    });
    await page.goto(url);
    await wholeLogLoaded(page);

    const firstState = await page.evaluate(() => (globalThis as { firstState?: number }).firstState);
    expect(firstState).toBeDefined();
    const later = reads.filter((read) => read.fromSeq > 1);
    expect(reads.map((read) => read.fromSeq)[0]).toBe(1);
    expect(later.length).toBeGreaterThanOrEqual(2);
    // Each request's own start, as the browser timed it (not when this process heard of it).
    for (const read of later) expect(read.request.timing().startTime).toBeGreaterThanOrEqual(firstState!);
  });
});
