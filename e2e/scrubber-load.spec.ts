/**
 * A large log reaches the page in pages, and the scrubber opens on the first of them. Until the
 * user zooms or pans, its view follows what has loaded: once the whole log is in, it spans the
 * company's story, not the first page's few weeks.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log; the desktop window
 * loads through the same hook (`useLog`) and draws the same scrubber.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { onGeneratedLog } from './generated-log';

/** Many pages: the first holds a few hundred records, days of this log's 10 months. */
const EVENTS = 30_000;

test('once a log of many pages has loaded, the scrubber shows the whole story, unless the user zoomed', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window loads through the same hook and draws the same scrubber');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 5 }, async ({ page, url, path }) => {
    const track = page.locator('.scrubber-track');
    const view = async () => [Number(await track.getAttribute('data-view-start')), Number(await track.getAttribute('data-view-end'))] as const;
    const loaded = async () => {
      // The title comes with the last page (before it, the status may not have appeared yet).
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Synthetic log', { timeout: 60_000 });
      await expect(page.getByRole('status').filter({ hasText: 'Loading the log:' })).toHaveCount(0);
    };

    // Zoomed in while the log loads: the zoom is the user's, kept as the rest arrives (the view
    // still pans to keep the moment, which follows the end of what has loaded, in sight).
    // The pages after the first are held back until the zoom is done, so it surely comes first.
    let zoomed!: () => void;
    const zoomDone = new Promise<void>((resolve) => (zoomed = resolve));
    await page.route('**/api/log:read', async (route) => {
      if ((JSON.parse(route.request().postData() ?? '{}') as { fromSeq: number }).fromSeq > 1) await zoomDone;
      await route.continue();
    });
    await page.goto(url);
    await page.getByRole('slider', { name: 'Moment' }).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    const [zoomedStart, zoomedEnd] = await view();
    await expect(page.getByRole('status').filter({ hasText: 'Loading the log:' })).toBeVisible();
    zoomed();
    await loaded();
    const [keptStart, keptEnd] = await view();
    expect(keptEnd - keptStart).toBeCloseTo(zoomedEnd - zoomedStart, -1);

    // Left alone, the view follows the pages in: at the end it spans the company's story.
    await page.unroute('**/api/log:read');
    await page.reload();
    await loaded();
    const company = await page.getByRole('combobox', { name: 'Company' }).inputValue();
    const times = readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { subject?: string; time: string }).filter((record) => record.subject === company).map((record) => Date.parse(record.time)).sort((a, b) => a - b);
    const [start, end] = await view();
    // Everything but a few early facts, up to the last event.
    expect(start).toBeLessThanOrEqual(times[Math.floor(times.length * 0.1)]!);
    expect(end).toBeGreaterThanOrEqual(times.at(-1)!);
  });
});
