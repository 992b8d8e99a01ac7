/**
 * The "Last change" line is read whole without a mouse. It keeps a two-line slot (the state below
 * holds still as the moment moves), cut at narrow windows and at zoom, and the rest was only in a
 * hover tooltip; it is now a disclosure that the keyboard opens to the whole text and to each of
 * the moment's changes.
 */
import type { Page } from '@playwright/test';
import { expect, setMoment, test } from './fixtures';


/** From the moment field, Tab on until the last change's disclosure has the focus, then opens it. */
async function openByKeyboard(page: Page) {
  const summary = page.locator('.last-change summary');
  await expect(summary).toHaveCount(1);
  await page.getByLabel(/^Moment \(/).focus();
  for (let tabs = 0; tabs < 80 && !(await summary.evaluate((el) => el === document.activeElement)); tabs++) await page.keyboard.press('Tab');
  await expect(summary).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.last-change')).toHaveAttribute('open', '');
}

for (const [width, height] of [[640, 450], [800, 600]] as const) {
  test(`at ${width}x${height} the last change opens from the keyboard to its whole text`, async ({ app }) => {
    const { page } = app;
    await page.setViewportSize({ width, height });
    await setMoment(page, '2023-11-20T23:00');
    const text = page.locator('.last-change-text');
    await expect(text).toContainText('management is in touch with Sam Altman over a possible return.');
    await openByKeyboard(page);
    // Nothing of it is cut: its box holds all of its text, on screen.
    await expect.poll(() => text.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    await expect(text).toBeInViewport({ ratio: 1 });
  });
}

test('the changes of one moment open from the keyboard', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 800, height: 600 });
  await setMoment(page, '2023-11-17T12:30');
  const line = page.locator('.last-change');
  await expect(line).toContainText('Greg Brockman left the board (removed) (5 changes)');
  await expect(line.getByText('Mira Murati became interim CEO')).toBeHidden();
  await openByKeyboard(page);
  await expect(line.getByText('Mira Murati became interim CEO')).toBeVisible();
  await expect(line.getByText('Greg Brockman is no longer chair; the chair is vacant')).toBeVisible();
});

test('the disclosure’s drawn triangle is not read out: its name starts with the words, open or closed', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-20T23:00');
  const summary = page.locator('.last-change summary');
  // A screen reader says the disclosure's state itself; "black right-pointing small triangle" says nothing.
  await expect(summary).toHaveAccessibleName(/^Last change:/);
  await summary.click();
  await expect(page.locator('.last-change')).toHaveAttribute('open', '');
  await expect(summary).toHaveAccessibleName(/^Last change:/);
});
