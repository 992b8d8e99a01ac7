/**
 * The status line says the outcome of an action, and only that: its "Dismiss this message" button
 * is beside the live region, not in it, so a screen reader does not read the button's name after
 * every message (nor after an error). The button stays in the message's box and works from the keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { listenToLiveRegions, liveRegionsAround, LIVE_REGION, spoken } from './spoken';

/** The dismiss button is in no live region (a status, an alert, a log or an aria-live one). */
const outsideLiveRegions = async (button: Locator) => (await liveRegionsAround(button)) === 0;

/** The contrast ratio (WCAG) of the message's text on the box's background: axe leaves it "incomplete" on this fixed box. */
const contrastOf = (page: Page, text: string) =>
  page.locator('.status-area').evaluate((box, said) => {
    const span = [...box.querySelectorAll('span')].find((s) => s.textContent?.includes(said))!;
    const rgb = (c: string) => c.match(/[\d.]+/g)!.slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [a, b] = [lum(getComputedStyle(span).color), lum(getComputedStyle(box).backgroundColor)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }, text);

async function inTheMessageBox(page: Page, button: Locator, text: string) {
  const pill = (await page.locator('.status-area').boundingBox())!;
  const box = (await button.boundingBox())!;
  const said = (await page.locator('.status-area').getByText(text).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(pill.x);
  expect(box.x + box.width).toBeLessThanOrEqual(pill.x + pill.width + 0.5);
  // On the text's line, after it.
  expect(box.x).toBeGreaterThanOrEqual(said.x + said.width);
  expect(box.y).toBeLessThan(said.y + said.height);
}

test('a status says only its message; its dismiss button is beside the live region and works from the keyboard', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  await page.getByLabel('Name for a bookmark at this moment').fill('The end');
  await page.keyboard.press('Enter');
  const message = 'Bookmark "The end" added.';
  const region = page.getByRole('status').filter({ hasText: message });
  await expect(region).toBeVisible();
  // What the region gives a screen reader: the message, no button.
  expect(await region.ariaSnapshot()).not.toContain('Dismiss');
  await expect.poll(() => spoken(page)).toContain(message);
  expect(await liveRegionsAround(page.getByText(message))).toBe(1);
  const dismiss = page.getByRole('button', { name: 'Dismiss this message' });
  expect(await outsideLiveRegions(dismiss)).toBe(true);
  await inTheMessageBox(page, dismiss, message);
  expect((await new AxeBuilder({ page }).include('.status-area').analyze()).violations).toEqual([]);
  expect(await contrastOf(page, message)).toBeGreaterThanOrEqual(4.5);
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(message)).toHaveCount(0);
  await expect(dismiss).toHaveCount(0);
});

test('an error is an alert that says only the error, and stays until dismissed from the keyboard', async ({ app }) => {
  const { page } = app;
  const event = (id: string, time: string) => JSON.stringify({ id, type: 'board.joined', subject: 'openai', time, timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation: { document: 'A test gazette', quote: 'Dana Example joined the board.' }, person: { id: 'dana-example', name: 'Dana Example' } } });
  await app.importEvents(`${event('dana-1', '2023-11-22T12:00:00-08:00')}\n${event('dana-2', 'Wednesday')}\n`);
  const alert = page.getByRole('alert').filter({ hasText: 'event 2.time' });
  await expect(alert).toBeVisible();
  expect(await alert.ariaSnapshot()).not.toContain('Dismiss');
  // An alert alone, not an alert inside the status region too.
  expect(await liveRegionsAround(page.getByText('event 2.time: must be an RFC 3339 date-time'))).toBe(1);
  const dismiss = page.getByRole('button', { name: 'Dismiss this message' });
  expect(await outsideLiveRegions(dismiss)).toBe(true);
  await inTheMessageBox(page, dismiss, 'event 2.time: must be an RFC 3339 date-time');
  // Legible in either theme, as picked (web mode's picker; the desktop app follows the system).
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    if (await page.getByLabel('Theme').count()) await page.getByLabel('Theme').selectOption(theme);
    expect((await new AxeBuilder({ page }).include('.status-area').analyze()).violations, theme).toEqual([]);
    expect(await contrastOf(page, 'event 2.time'), theme).toBeGreaterThanOrEqual(4.5);
  }
  // Dark by the system's setting, no theme picked (the desktop app always; the web mode by default).
  if (await page.getByLabel('Theme').count()) await page.getByLabel('Theme').selectOption('system');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await contrastOf(page, 'event 2.time'), 'system dark').toBeGreaterThanOrEqual(4.5);
  await dismiss.focus();
  await page.keyboard.press('Space');
  await expect(alert).toHaveCount(0);
});
