/**
 * Who walked out is told with its source, as who holds a seat is: a journalist who reads "Sam
 * Altman, CEO: fired" must be able to open the sentence that says so.
 */
import { expect, setMoment, test } from './fixtures';

test('a former holder cites the event that ended the stint', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  const former = page.getByRole('region', { name: 'Roles' }).locator('ul.former');
  await expect(former).toContainText('Sam Altman, CEO: fired, succeeded by Mira Murati');
  await former.getByRole('button', { name: 'Source for how Sam Altman left CEO' }).click();
  const dialog = page.getByRole('dialog', { name: 'Source' });
  await expect(dialog).toContainText('Ilya told Sam he was being fired and that the news was going out very soon');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(former.getByRole('button', { name: 'Source for how Greg Brockman left President' })).toBeVisible();
});

test('the directors who left the board, and who left the chair, are shown with their sources', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  const board = page.getByRole('region', { name: 'Board' });
  await expect(board).toContainText("The chair is vacant: Greg Brockman left it (removed, Fri 17 Nov 2023, 12:00 PST, to the hour).");
  await expect(board.getByRole('button', { name: 'Source for how Greg Brockman left the chair' })).toBeVisible();
  const left = board.locator('ul.former');
  await expect(left).toContainText('Sam Altman: removed');
  await expect(left).toContainText('Greg Brockman: removed');
  await left.getByRole('button', { name: 'Source for how Greg Brockman left the board' }).click();
  await expect(page.getByRole('dialog', { name: 'Source' })).toContainText('removed Greg Brockman from the board');
  await page.keyboard.press('Escape');
  // Before the firing nobody had left; after the new board, three more have.
  await setMoment(page, '2023-11-17T10:00');
  await expect(left).toHaveCount(0);
  await setMoment(page, '2023-11-30T12:00');
  await expect(left.getByRole('listitem')).toHaveCount(5);
  await expect(board).not.toContainText('The chair is vacant');
});

test('a departure known only from a report says so, although the stint began on a confirmed source', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-30T12:00');
  const left = page.getByRole('region', { name: 'Board' }).locator('ul.former');
  // Tasha McCauley joined the board on OpenAI's own announcement; that she left it is only reported.
  const mccauley = left.getByRole('listitem').filter({ hasText: 'Tasha McCauley' });
  await expect(mccauley.locator('.badge.reported')).toHaveText('reported');
  await expect(left.getByRole('listitem').filter({ hasText: 'Helen Toner' }).locator('.badge')).toHaveCount(0);
});
