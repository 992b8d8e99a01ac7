/**
 * Opening a large log takes the host seconds before any record can reach the page: the window says
 * how far the host has read the file, from the host's own count, and shows the first state from the
 * records read so far, saying they are not yet checked against the log's end.
 *
 * Web mode only (the chromium project): the desktop window shows the same notice, fed over IPC by
 * the same session (`log:opening`, src/service/session.test.ts).
 */
import { expect, test } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { onGeneratedLog } from './generated-log';
import { listenToLiveRegions, LIVE_REGION, spokenWithTimes } from './spoken';

/** Large enough (216 MB) that reading it takes the host seconds, longer than the page takes to start. */
const EVENTS = 300_000;

test('while the host opens a large log, the window shows how much of the file it has read, then the state', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window is fed by the same session over IPC (src/service/session.test.ts)');
  test.setTimeout(180_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 20 }, async ({ page, url, path }) => {
    const megabytes = Math.round(statSync(path).size / 1e6);
    await page.addInitScript(listenToLiveRegions, LIVE_REGION);
    await page.goto(url);

    const notice = page.getByRole('status').filter({ hasText: 'Opening the log' });
    await expect(notice).toContainText(new RegExp(`Opening the log: [\\d.,]+ MB of ${megabytes} MB read \\(\\d+%\\)`), { timeout: 30_000 });
    const bar = notice.getByRole('progressbar', { name: 'Log file read' });
    const [value, max] = [Number(await bar.getAttribute('value')), Number(await bar.getAttribute('max'))];
    expect(max).toBe(statSync(path).size);
    expect(value).toBeLessThanOrEqual(max);

    // Meanwhile the records the host has read and chained so far load, and the state shows, while
    // the notice says what it rests on: they are not yet checked against the log's end.
    const slider = page.getByRole('slider', { name: 'Moment' });
    await expect
      .poll(async () => (await notice.textContent({ timeout: 1_000 }).catch(() => ''))?.match(/Shown meanwhile: its first [\d,]+ records, each checked and chained to the one before, not yet to the log's end/) !== null && (await slider.isVisible()), { timeout: 30_000 })
      .toBe(true);

    // Export snapshot meanwhile says at once that it waits for the log to open, and that the file is
    // made from the whole log, not from the records on screen; then the snapshot is saved.
    const downloaded = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'Export snapshot' }).click();
    await expect(page.getByText(/^Waiting for the log to open: the snapshot is made from the whole log once it is checked, not from the first [\d,]+ records shown meanwhile$/)).toBeVisible();
    const snapshot = JSON.parse(readFileSync(await (await downloaded).path(), 'utf8')) as { companies: unknown[]; provenance: { at: string } };
    expect(snapshot.companies).toHaveLength(1);
    expect(Date.parse(snapshot.provenance.at)).not.toBeNaN();
    await expect(page.getByText(/^Snapshot saved: /)).toBeVisible();

    // Then the rest of the records load, and the notice of the opening is gone.
    // Saying that those shown while it opened are now checked against the log's end.
    await expect(page.getByRole('status').filter({ hasText: 'Loading the log:' })).toContainText(/The log is open: the first [\d,]+, shown while it opened, are checked against its end\./, { timeout: 60_000 });
    await expect(notice).toHaveCount(0);

    // A screen reader heard the opening's sentences one after another, each cutting off the last
    // (40 ms apart: its size, then the records shown meanwhile, repeating it): each now stands a while.
    const said = await spokenWithTimes(page);
    const opening = said.filter(({ text }) => text.startsWith('Opening the log'));
    expect(opening.length, JSON.stringify(said)).toBeGreaterThan(0);
    for (let i = 1; i < opening.length; i++) expect(opening[i]!.at - opening[i - 1]!.at, JSON.stringify(opening)).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('slider', { name: 'Moment' })).toBeVisible({ timeout: 60_000 });
  });
});
