/**
 * Keyboard only: a filter that lands while a row of the events list has the focus (typed, then Tab
 * to the list before the worker answered) leaves the focus on a row. The row's tab stop was kept by
 * its index, which the filter renumbers: the focused row lost its tab stop (its Source and ⋯ were
 * skipped by the next Tab, which went to another row), and a row the filter left out took the focus
 * with it to the page's body.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { holdableAnswers } from './held-answers';

const settled = (page: Page) => expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');

/** Focuses the row holding `text`, with the filter `filter` typed just before and applied just after. */
async function filterUnderFocus(page: Page, filter: string, text: string) {
  const answers = await holdableAnswers(page);
  await page.reload();
  await settled(page);
  const events = page.getByRole('region', { name: 'Events' });
  const row = events.getByRole('listitem').filter({ hasText: text }).first();
  await expect(row).toBeVisible();
  await answers.hold();
  await events.getByLabel(/^Filter events by person/).fill(filter);
  await page.waitForTimeout(300); // past the filter's pause: its question is asked, its answer held
  await row.locator('.event-main').focus();
  await answers.release();
  await expect(events.locator('.count')).toContainText(' of ');
  return { events, row };
}

test('a filter that keeps the focused row leaves it the tab stop: Tab goes to its Source and ⋯', async ({ app }) => {
  const { page } = app;
  const { events, row } = await filterUnderFocus(page, 'Sam Altman', "Agreement: Sam Altman's return");
  await expect(row.locator('.event-main')).toBeFocused();
  await expect(row.locator('.event-main')).toHaveAttribute('tabindex', '0');
  await expect(events.locator('.event-main[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: /^Source for: / })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(row.getByRole('button', { name: /^Actions for: / })).toBeFocused();
});

test('a filter that leaves the focused row out gives the focus to a row it shows, not to the body', async ({ app }) => {
  const { page } = app;
  const { events, row } = await filterUnderFocus(page, 'Sam Altman', 'Jobs at Microsoft');
  await expect(row).toHaveCount(0);
  const focused = events.locator('.event-main:focus');
  await expect(focused).toHaveCount(1);
  await expect(focused).toHaveAttribute('tabindex', '0');
  await expect(focused).toBeInViewport();
});

test('a filter that matches nothing gives the focus to "Clear the filters", and clearing them gives it back to a row', async ({ app }) => {
  const { page } = app;
  const { events } = await filterUnderFocus(page, 'Nobody at all', 'Jobs at Microsoft');
  const clear = events.getByRole('button', { name: 'Clear the filters' });
  await expect(clear).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(events.locator('.count')).not.toContainText(' of ');
  await expect(events.locator('.event-main:focus')).toHaveCount(1);
  await expect(events.locator('.event-main:focus')).toBeInViewport();
});
