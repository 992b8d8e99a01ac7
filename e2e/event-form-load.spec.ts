/**
 * The event form's script is loaded when the form is first opened: if it cannot be (the web host
 * stopped, the network dropped), the page stays as it was, the reader is told at once, the focus
 * stays where the form was opened from, and the next open loads it.
 */
import { expect, test } from './fixtures';

test('a form whose script does not load leaves the page, says so, and opens at the next try', async ({ app }) => {
  test.skip(app.mode !== 'web', 'web mode only: the script\'s load is failed by routing its HTTP request; the desktop reads it from its own files');
  const { page } = app;
  let refused = 0;
  await page.route(/\/assets\/EventForm-[\w-]+\.js$/, (route) => (refused++, route.abort('connectionrefused')));
  const add = page.getByRole('button', { name: 'Add event' });
  await add.focus();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('alert')).toContainText('The event form could not be loaded');
  expect(refused).toBe(1);
  // The page is whole: its scrubber and toolbar are still there, and the focus did not fall to the body.
  await expect(page.locator('.scrubber-track')).toBeVisible();
  await expect(add).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.unroute(/\/assets\/EventForm-[\w-]+\.js$/);
  await page.keyboard.press('Enter');
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await expect(form).toBeVisible();
  await expect(form.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(add).toBeFocused();
});
