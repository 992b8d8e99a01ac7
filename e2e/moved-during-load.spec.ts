/**
 * While a large log loads, the moment follows the end of what has loaded, each move with its
 * state, until the reader moves it: a moment typed, or a step on the scrubber, during the load
 * stays where the reader put it as the rest of the log arrives.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log and holds its HTTP
 * reads; the desktop window loads through the same hook (`useLog`) and follows through the same one
 * (`useFollowedEnd`).
 */
import { expect, test } from '@playwright/test';
import { eventTimesIn, holdPagesAfterTheFirst, onGeneratedLog, wholeLogLoaded } from './generated-log';
import { holdableAnswers } from './held-answers';

/** What the page showed in its state panel: each moment in turn, and how often it was marked busy. */
interface Seen {
  moments: string[];
  busy: number;
}

/** Several pages: the first holds 500 records, a few days of this log. */
const EVENTS = 8_000;

test('while the log loads, the moment follows its end with the state, and a moment the reader sets is kept as the rest arrives', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window loads and follows through the same hooks');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 2 }, async ({ page, url, path }) => {
    const input = page.getByLabel(/^Moment \(/);
    const slider = page.getByRole('slider', { name: 'Moment' });
    const state = page.locator('.state');
    const loading = page.getByRole('status').filter({ hasText: 'Loading the log:' });
    const answers = await holdableAnswers(page);
    /** Opens the log anew (its address holds only the token: the moment starts at the end) with the pages after the first held, until its first page's state is on screen; returns the release. */
    const openHeld = async () => {
      const release = await holdPagesAfterTheFirst(page);
      await page.goto('about:blank');
      await page.goto(url);
      await expect(loading).toBeVisible();
      await expect(state).toHaveAttribute('aria-busy', 'false');
      await expect(input).toBeEnabled();
      return release;
    };

    // Left alone, the moment follows the end of what has loaded, and moves only with its state:
    // the state shown is never another moment's on the way.
    await page.addInitScript(() => {
      const seen: Seen = { moments: [], busy: 0 };
      (globalThis as { seen?: Seen }).seen = seen;
      new MutationObserver(() => {
        const state = document.querySelector('.state');
        if (!state) return;
        if (state.getAttribute('aria-busy') === 'true') seen.busy += 1;
        const moment = state.getAttribute('data-moment')!;
        if (seen.moments.at(-1) !== moment) seen.moments.push(moment);
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'data-moment'] });
    });
    await page.goto(url);
    await wholeLogLoaded(page);
    // The company's last event in the file: the moment followed the load there (a follow still on
    // its way when a later page came is dropped for the later one, so the moments between vary).
    const last = String(eventTimesIn(path, await page.getByRole('combobox', { name: 'Company' }).inputValue()).at(-1));
    await expect(state).toHaveAttribute('data-moment', last);
    const seen = await page.evaluate(() => (globalThis as { seen?: Seen }).seen!);
    expect(seen.moments.length).toBeGreaterThanOrEqual(2);
    expect(seen.busy).toBe(0);

    // Typed: a day before the end of the first page.
    let release = await openHeld();
    const typed = Date.parse(`${(await input.inputValue()).replace(' ', 'T')}Z`) - 86_400_000;
    const text = new Date(typed).toISOString().slice(0, 16).replace('T', ' ');
    await input.fill(text);
    await expect(state).toHaveAttribute('data-moment', String(typed));
    release();
    await wholeLogLoaded(page);
    await expect(input).toHaveValue(text);
    await expect(state).toHaveAttribute('data-moment', String(typed));
    await expect(state).toHaveAttribute('aria-busy', 'false');

    // Typed while a follow waits for its state: the follow is dropped, and the typed moment kept.
    release = await openHeld();
    const firstEnd = Number(await slider.getAttribute('aria-valuemax'));
    await answers.hold('states');
    release();
    // A later page's view has come, so the moment's follow to its end has asked for its state (held).
    await expect.poll(async () => Number(await slider.getAttribute('aria-valuemax'))).toBeGreaterThan(firstEnd);
    await input.fill(text);
    await answers.release();
    await wholeLogLoaded(page);
    await expect(state).toHaveAttribute('data-moment', String(typed));
    await expect(input).toHaveValue(text);

    // Typed key by key while the moment follows the load: the text being typed is not replaced
    // when the moment moves under it, and the whole moment, once typed, is kept.
    release = await openHeld();
    const followedFrom = await state.getAttribute('data-moment');
    await input.selectText();
    await input.pressSequentially(text.slice(0, 8));
    release();
    await expect(state).not.toHaveAttribute('data-moment', followedFrom!);
    await input.pressSequentially(text.slice(8));
    await wholeLogLoaded(page);
    await expect(input).toHaveValue(text);
    await expect(state).toHaveAttribute('data-moment', String(typed));

    // A step on the scrubber: to the company's first event.
    release = await openHeld();
    await slider.focus();
    const end = await slider.getAttribute('aria-valuenow');
    await page.keyboard.press('Home');
    await expect(slider).not.toHaveAttribute('aria-valuenow', end!);
    const first = await slider.getAttribute('aria-valuenow');
    await expect(state).toHaveAttribute('data-moment', first!);
    release();
    await wholeLogLoaded(page);
    await expect(slider).toHaveAttribute('aria-valuenow', first!);
    await expect(state).toHaveAttribute('data-moment', first!);
  });
});
