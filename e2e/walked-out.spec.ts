/**
 * Who walked out is told with its source, as who holds a seat is: a journalist who reads "Sam
 * Altman, CEO: fired" must be able to open the sentence that says so.
 */
import { expect, setMoment, test } from './fixtures';

test('a former holder cites the event that ended the stint', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  const former = page.locator('ul.former');
  await expect(former).toContainText('Sam Altman, CEO: fired, succeeded by Mira Murati');
  await former.getByRole('button', { name: 'Source for how Sam Altman left CEO' }).click();
  const dialog = page.getByRole('dialog', { name: 'Source' });
  await expect(dialog).toContainText('This entire saga erupted after Sam Altman was fired by the Open AI board on Friday.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(former.getByRole('button', { name: 'Source for how Greg Brockman left President' })).toBeVisible();
});
