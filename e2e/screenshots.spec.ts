/** Takes the README's screenshots of the main views (web mode; the pages are the same in Electron). */
import { join } from 'node:path';
import { expect, test } from './fixtures';

const SHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots');

test('screenshots of the main views', async ({ app }) => {
  test.skip(app.mode !== 'web', 'taken once, from the web mode');
  const { page } = app;
  await page.getByLabel(/^Moment \(/).fill('2023-11-18T12:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Mira Murati');
  await page.screenshot({ path: join(SHOTS, 'state-18-november.png') });

  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel(/^Moment \(/).fill('2023-11-20T23:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Emmett Shear');
  await page.screenshot({ path: join(SHOTS, 'dark-20-november.png') });
  await page.getByLabel('Theme').selectOption('light');

  await page.getByRole('button', { name: 'Compare' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two moments' });
  await dialog.getByLabel('Compare from').fill('2023-11-16T12:00');
  await dialog.getByLabel('Compare to').fill('2023-11-22T12:00');
  await dialog.getByRole('button', { name: 'Compare' }).click();
  await expect(dialog.getByRole('list', { name: 'Differences' })).toContainText('Emmett Shear');
  await page.screenshot({ path: join(SHOTS, 'compare.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Bret Taylor');
  await form.getByRole('textbox', { name: 'Role', exact: true }).fill('Chair');
  await form.getByLabel('Document').fill('OpenAI on X');
  await page.screenshot({ path: join(SHOTS, 'add-event.png') });
});
