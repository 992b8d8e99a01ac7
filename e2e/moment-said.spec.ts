/**
 * A moment moved by a button (One day on) where the last change stays the same: the focus is on
 * the button, so the live region is all a screen reader hears. It must say the new moment, not
 * keep saying the old one (it said "Fri 24 Nov 2023, 12:00 PST" while the moment was Sat 25 Nov).
 */
import { expect, setMoment, test } from './fixtures';

test('a day on with the same last change says the new moment', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-24T12:00');
  const sentence = page.locator('[aria-live="polite"]').filter({ hasText: /Last change:/ });
  await expect(sentence).toContainText('Fri 24 Nov 2023, 12:00 PST');
  await page.getByRole('button', { name: 'One day on' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveAttribute('aria-valuetext', 'Sat 25 Nov 2023, 12:00 PST');
  await expect(sentence).toContainText('Sat 25 Nov 2023, 12:00 PST');
});
