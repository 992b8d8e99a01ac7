/**
 * The bookmarks shown are the host's latest list: a list read before an add but answered after it
 * (two HTTP calls in flight, answered out of order) does not hide the bookmark just added.
 *
 * Web mode only (the chromium project): the order of answers is forced by routing the page's HTTP
 * calls; the desktop's calls go through the same component (`Bookmarks`, its `showIfLatest`).
 */
import { expect, test } from './fixtures';

test('a bookmark added while the list is still being read stays on screen', async ({ app }) => {
  test.skip(app.mode === 'desktop', 'web mode only: the answers are reordered by routing HTTP calls; the desktop runs the same component');
  const { page } = app;
  let releaseList!: () => void;
  const listReleased = new Promise<void>((resolve) => (releaseList = resolve));
  let listAnswered!: () => void;
  const listHeld = new Promise<void>((resolve) => (listAnswered = resolve));
  await page.route('**/api/bookmarks:list', async (route) => {
    // The host answers now, with no bookmark; the page gets that answer only after the add's.
    const response = await route.fetch();
    listAnswered();
    await listReleased;
    await route.fulfill({ response });
  });
  await page.reload();
  await listHeld;
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  const added = page.waitForResponse('**/api/bookmarks:add');
  await page.getByLabel('Name for a bookmark at this moment').fill('Kept');
  await page.keyboard.press('Enter');
  await added;
  const kept = page.getByRole('region', { name: 'Bookmarks' }).getByRole('button', { name: 'Kept', exact: true });
  await expect(kept).toBeVisible();

  const listRead = page.waitForResponse('**/api/bookmarks:list');
  releaseList();
  await (await listRead).finished();
  // Two frames: the old answer, had it been shown, would be on screen by now.
  for (let frame = 0; frame < 2; frame++) await page.evaluate(() => new Promise(requestAnimationFrame));
  await expect(kept).toBeVisible();
});
