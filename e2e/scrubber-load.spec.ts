/**
 * A large log reaches the page in pages, and the scrubber opens on the first of them. Until the
 * user zooms or pans, its view follows what has loaded: once the whole log is in, it spans the
 * company's story, not the first page's few weeks.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log; the desktop window
 * loads through the same hook (`useLog`) and draws the same scrubber.
 */
import { expect, test } from '@playwright/test';
import { eventTimesIn, holdPagesAfterTheFirst, onGeneratedLog, wholeLogLoaded } from './generated-log';

/** Many pages: the first holds a few hundred records, days of this log's 10 months. */
const EVENTS = 30_000;

test('once a log of many pages has loaded, the scrubber shows the whole story (all of it after Fit), unless the user zoomed', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window loads through the same hook and draws the same scrubber');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 5 }, async ({ page, url, path }) => {
    const track = page.locator('.scrubber-track');
    // Both ends in one read: the view pans as the moment follows the load, and two reads could straddle a pan.
    const view = () => track.evaluate((el) => [Number(el.getAttribute('data-view-start')), Number(el.getAttribute('data-view-end'))] as const);

    /** The company's event times, from the log file itself. */
    const eventTimes = async () => eventTimesIn(path, await page.getByRole('combobox', { name: 'Company' }).inputValue());
    /** Whether the view (polled: the view of the whole log may come a moment after the title) runs from `from` to just past `to`. */
    const spans = (from: number, to: number) =>
      expect
        .poll(async () => {
          const [start, end] = await view();
          return { fromTheStart: start <= from, toTheLastEvent: end >= to, notFarPastIt: end <= to + (to - from) * 0.1 };
        }, { timeout: 10_000 })
        .toEqual({ fromTheStart: true, toTheLastEvent: true, notFarPastIt: true });

    // Zoomed in while the log loads: the zoom is the user's, kept as the rest arrives (the view
    // still pans to keep the moment, which follows the end of what has loaded, in sight).
    let release = await holdPagesAfterTheFirst(page);
    await page.goto(url);
    await expect(page.getByRole('status').filter({ hasText: 'Loading the log:' })).toBeVisible();
    const slider = page.getByRole('slider', { name: 'Moment' });
    const [firstStart, firstEnd] = await view();
    // Zoomed until the view is a quarter of the first page's (a key pressed as the slider is drawn may go nowhere).
    await expect(async () => {
      await slider.focus();
      await page.keyboard.press('+');
      const [start, end] = await view();
      expect(end - start).toBeLessThan((firstEnd - firstStart) / 4);
    }).toPass();
    const [zoomedStart, zoomedEnd] = await view();
    release();
    await wholeLogLoaded(page);
    const [keptStart, keptEnd] = await view();
    expect(keptEnd - keptStart).toBeCloseTo(zoomedEnd - zoomedStart, -1);

    // Left alone, the view follows the pages in: at the end it spans the company's story, all but
    // a few early facts.
    await page.reload();
    await wholeLogLoaded(page);
    let times = await eventTimes();
    await spans(times[Math.floor(times.length * 0.1)]!, times.at(-1)!);

    // Fit during the load shows all the events, and goes on doing so as the rest arrives.
    release = await holdPagesAfterTheFirst(page);
    await page.reload();
    await page.getByRole('button', { name: 'Fit the whole log in the timeline' }).click();
    release();
    await wholeLogLoaded(page);
    times = await eventTimes();
    await spans(times[0]!, times.at(-1)!);
  });
});
