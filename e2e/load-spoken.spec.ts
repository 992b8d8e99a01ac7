/**
 * What a screen reader hears while a large log loads: its size when the load starts, each
 * quarter, and that it has ended, then the state once; not a sentence per page, nor each moment
 * the followed end passes through.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log; the desktop
 * window loads through the same hook (`useLog`) and speaks through the same ones.
 */
import { expect, test } from '@playwright/test';
import { holdPagesAfterTheFirst, onGeneratedLog, wholeLogLoaded } from './generated-log';
import { listenToLiveRegions, LIVE_REGION, spoken } from './spoken';

test('a loading log is spoken at its milestones and its end, then the state once', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window speaks through the same hooks');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: 8_000, companies: 2 }, async ({ page, url }) => {
    await page.addInitScript(listenToLiveRegions, LIVE_REGION);
    // The page's clock is the test's: a sentence that waits for quiet (useAnnouncer) is surely due when it runs on.
    await page.clock.install();
    // A slow machine (the CPU at an eighth): the whole log's view comes well after the load's last page,
    // and the moment still on its way to the end must not be spoken meanwhile (it was, 2 runs in 3).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });
    const release = await holdPagesAfterTheFirst(page);
    await page.goto(url);
    await expect(page.getByRole('status').filter({ hasText: 'Loading the log:' })).toBeVisible();
    await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
    await page.clock.runFor(2_000);
    release();
    await wholeLogLoaded(page);
    await page.clock.runFor(2_000);
    const said = () => spoken(page);
    await expect.poll(said).toContainEqual(expect.stringMatching(/^The log is loaded: [\d,]+ records\.$/));
    // The state, once the load is done: its moment, and who is CEO.
    await expect.poll(async () => (await said()).filter((s) => /CEO/.test(s)).length).toBeGreaterThan(0);
    const all = await said();
    expect(all.filter((s) => /CEO/.test(s)), all.join(' | ')).toHaveLength(1);
    const ended = all.findIndex((s) => s.startsWith('The log is loaded'));
    expect(all).toContainEqual(expect.stringMatching(/^Loading the log: [\d,]+ records\.$/));
    // While it loaded: milestones only, and no moment.
    const during = all.slice(0, ended);
    expect(during.filter((s) => !/^(Opening|Loading) the log/.test(s)), during.join(' | ')).toHaveLength(0);
    expect(during.length, during.join(' | ')).toBeLessThanOrEqual(6);
  });
});
