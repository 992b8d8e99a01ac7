/**
 * Keyboard only, the events list stays reachable and its focus stays in view. The list is
 * virtualised (only rows near its scroll position are in the DOM) and one tab stop (roving
 * tabindex): a tab stop on a row that is no longer drawn left Tab landing on the scroll box itself,
 * with no row, Source or ⋯ button reachable; a move of the moment from a row scrolled that row away
 * while it held the focus.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, setMoment, test } from './fixtures';

const rowOf = (el: Locator) => el.evaluate((e) => Number(e.closest('[data-row]')?.getAttribute('data-row') ?? -1));

/** The focused element lies wholly inside the list's scroll box, which is on screen. */
async function focusInView(page: Page) {
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  const [box, list] = [await focused.boundingBox(), await page.locator('.events-scroll').boundingBox()];
  expect(box!.y).toBeGreaterThanOrEqual(list!.y - 1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(list!.y + list!.height + 1);
}

test('after the list was left at its first row and the moment moved to the end, Tab still reaches a row, its Source and its ⋯', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  const hideRumoured = events.getByRole('switch', { name: 'Hide rumoured' });
  const slider = page.getByRole('slider', { name: 'Moment' });
  await expect(events.locator('.event-main[tabindex="0"]')).toHaveCount(1);

  await hideRumoured.focus();
  await page.keyboard.press('Tab');
  await expect(events.locator('.event-main:focus')).toHaveCount(1);
  await page.keyboard.press('Home');
  await expect(events.locator('[data-row="0"] .event-main')).toBeFocused();

  // The scrubber takes the moment to the end: the list follows and the first row is no longer drawn.
  await slider.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(events.locator('[data-row="0"]')).toHaveCount(0);
  await expect(events.locator('.event.current')).toBeInViewport();
  // A scroll box with nothing focusable in it: axe's "scrollable-region-focusable" (serious).
  const axe = await new AxeBuilder({ page }).include('.events-scroll').withRules(['scrollable-region-focusable']).analyze();
  expect(axe.violations).toEqual([]);

  await hideRumoured.focus();
  await page.keyboard.press('Tab');
  const row = events.locator('.event-main:focus');
  await expect(row).toHaveCount(1);
  await focusInView(page);
  const at = await rowOf(row);
  await page.keyboard.press('ArrowUp');
  await expect(events.locator(`[data-row="${at - 1}"] .event-main`)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(events.locator(`[data-row="${at - 1}"]`).getByRole('button', { name: /^Source for: / })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(events.locator(`[data-row="${at - 1}"]`).getByRole('button', { name: /^Actions for: / })).toBeFocused();
});

test('a row scrolled out of view by the mouse leaves the tab stop on a row in view', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  await setMoment(page, '2023-11-17T13:00');
  await expect(events.locator('.event.current')).toBeInViewport();
  const list = page.locator('.events-scroll');
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(events.locator('.event.current')).toHaveCount(0);
  await events.getByRole('switch', { name: 'Hide rumoured' }).focus();
  await page.keyboard.press('Tab');
  await expect(events.locator('.event-main:focus')).toHaveCount(1);
  await focusInView(page);
});

test('Enter on a row keeps the focused row in view while the list follows the new moment', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  await setMoment(page, '2023-11-20T12:00');
  await expect(events.locator('.event.current')).toBeInViewport();
  await events.getByRole('switch', { name: 'Hide rumoured' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  const chosen = events.locator('.event-main:focus');
  await expect(chosen).toHaveCount(1);
  const before = await page.getByRole('slider', { name: 'Moment' }).getAttribute('aria-valuenow');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('slider', { name: 'Moment' })).not.toHaveAttribute('aria-valuenow', before!);
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  await expect(events.locator('.event-main:focus')).toHaveCount(1);
  await focusInView(page);
  // The next Tab goes to that row's Source, in view too.
  await page.keyboard.press('Tab');
  await expect(events.getByRole('button', { name: /^Source for: / }).and(page.locator(':focus'))).toHaveCount(1);
  await focusInView(page);
});
