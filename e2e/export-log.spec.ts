/**
 * More > Export log: the whole log as JSON Lines, as stored, each record once. The web page pages
 * through the log (log:read), a page running on to the end of a batch it would cut, and goes on
 * from where each page ended. The desktop writes the host's own copy (src/main/desktop-save.test.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

test('exports the log as stored, each record once, in order', async ({ app }) => {
  test.skip(app.mode === 'desktop', 'web mode only: the desktop saves the log through its main process (src/main/desktop-save.test.ts)');
  const { page } = app;
  await expect(page.getByRole('slider', { name: 'Moment' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Export log' }).click();
  const exported = readFileSync((await (await download).path())!, 'utf8');
  expect(exported).toBe(readFileSync(app.logPath, 'utf8'));
});
