/** Takes the README's screenshots of the main views at 1440x900 and 1024x768 (web mode; the pages are the same in Electron). */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setMoment, test } from './fixtures';

const SHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots');
const shot = async (page: Page, name: string) => {
  // Let the throttled announcement and the worker's last answer land before the picture.
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(SHOTS, name) });
};

test('screenshots of the main views', async ({ app }) => {
  test.skip(app.mode !== 'web', 'taken once, from the web mode: the README shows one set, and both modes render the same page (src/renderer)');
  test.setTimeout(120_000);
  const { page } = app;
  await page.getByLabel('Theme').selectOption('light');
  await setMoment(page, '2023-11-18T12:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Mira Murati');
  await shot(page, 'state-18-november.png');

  // Sunday 21:00: the CEO change that day is known only to the day, and the screen says so.
  await setMoment(page, '2023-11-19T21:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('may change some time on Sun 19 Nov 2023');
  await page.locator('details.uncertain summary').click();
  await shot(page, 'sunday-21h-known-to-the-day.png');
  await page.locator('details.uncertain summary').click();

  await page.getByLabel('Theme').selectOption('dark');
  await setMoment(page, '2023-11-20T23:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Emmett Shear');
  await shot(page, 'dark-20-november.png');
  await page.getByLabel('Theme').selectOption('light');

  await page.getByRole('button', { name: /^Source for CEO/ }).click();
  await expect(page.getByRole('dialog', { name: 'Source' })).toBeVisible();
  await shot(page, 'source.png');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two moments' });
  await dialog.getByLabel('Compare from').fill('2023-11-16T12:00');
  await dialog.getByLabel('Compare to').fill('2023-11-22T12:00');
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog.getByRole('list', { name: 'Differences' })).toContainText('Emmett Shear');
  await shot(page, 'compare.png');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Bret Taylor');
  await form.getByRole('textbox', { name: 'Role', exact: true }).fill('Chair');
  await form.getByLabel('Document').fill('OpenAI on X');
  await form.getByLabel('Document').blur();
  await shot(page, 'add-event.png');
  await page.keyboard.press('Escape');

  await setMoment(page, '2023-11-20T23:00');
  await page.getByRole('tab', { name: 'Seat history' }).click();
  await expect(page.getByRole('region', { name: 'Seat history' }).locator('svg')).toBeVisible();
  await shot(page, 'seat-history.png');
  await page.getByRole('tab', { name: 'State at this moment' }).click();

  // A smaller window: the state keeps the screen; the events open in a drawer.
  await page.setViewportSize({ width: 1024, height: 768 });
  await setMoment(page, '2023-11-18T12:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Mira Murati');
  await shot(page, 'state-1024.png');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: /^Events/ }).click();
  await expect(page.getByRole('region', { name: 'Events' })).toBeVisible();
  await shot(page, 'events-drawer-1024-dark.png');
});
