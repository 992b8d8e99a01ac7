/**
 * The Add event form's error summary takes the focus when the user submits, and a screen reader says
 * it then. It must not speak again at each fix: as a live region (role=alert) it interrupted the user
 * with the whole list every time a field was filled in.
 */
import { expect, test } from './fixtures';
import { listenToLiveRegions, LIVE_REGION, spoken } from './spoken';

test('the error summary is said once, on submit, not again as each problem is fixed', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await form.getByRole('button', { name: 'Add event' }).click();
  const summary = form.locator('.error-summary');
  await expect(summary).toBeFocused();
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Test Person');
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await expect(summary).not.toContainText('Document');
  const said = await spoken(page);
  expect(said.filter((s) => /problems? to fix/.test(s))).toEqual([]);
  // Said through the focus instead (above): a group named by its count.
  await expect(form.getByRole('group', { name: /^1 problem to fix before this can be recorded/ })).toBeVisible();
});
