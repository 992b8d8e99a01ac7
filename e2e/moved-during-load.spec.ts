/**
 * While a large log loads, the moment follows the end of what has loaded, until the reader moves
 * it: a moment typed, or a step on the scrubber, during the load stays where the reader put it as
 * the rest of the log arrives.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log and holds its HTTP
 * reads; the desktop window loads through the same hook (`useLog`) and follows through the same one
 * (`useFollowedEnd`).
 */
import { expect, test } from '@playwright/test';
import { holdPagesAfterTheFirst, onGeneratedLog, wholeLogLoaded } from './generated-log';

/** Several pages: the first holds 500 records, a few days of this log. */
const EVENTS = 8_000;

test('a moment the reader sets while the log loads is kept as the rest arrives', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window loads and follows through the same hooks');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 2 }, async ({ page, url }) => {
    const input = page.getByLabel(/^Moment \(/);
    const slider = page.getByRole('slider', { name: 'Moment' });
    const state = page.locator('.state');
    const loading = page.getByRole('status').filter({ hasText: 'Loading the log:' });
    /** The first page's state is on screen, and the rest of the log is held back. */
    const firstPageShown = async () => {
      await expect(loading).toBeVisible();
      await expect(state).toHaveAttribute('aria-busy', 'false');
      await expect(input).toBeEnabled();
    };

    // Typed: a day before the end of the first page.
    let release = await holdPagesAfterTheFirst(page);
    await page.goto(url);
    await firstPageShown();
    const typed = Date.parse(`${(await input.inputValue()).replace(' ', 'T')}Z`) - 86_400_000;
    const text = new Date(typed).toISOString().slice(0, 16).replace('T', ' ');
    await input.fill(text);
    await expect(state).toHaveAttribute('data-moment', String(typed));
    release();
    await wholeLogLoaded(page);
    await expect(input).toHaveValue(text);
    await expect(state).toHaveAttribute('data-moment', String(typed));
    await expect(state).toHaveAttribute('aria-busy', 'false');

    // A step on the scrubber: to the company's first event.
    release = await holdPagesAfterTheFirst(page);
    await page.goto('about:blank');
    await page.goto(url); // its address holds only the token: the moment starts at the end again
    await firstPageShown();
    await slider.focus();
    await page.keyboard.press('Home');
    const first = await slider.getAttribute('aria-valuenow');
    await expect(state).toHaveAttribute('data-moment', first!);
    release();
    await wholeLogLoaded(page);
    await expect(slider).toHaveAttribute('aria-valuenow', first!);
    await expect(state).toHaveAttribute('data-moment', first!);
  });
});
