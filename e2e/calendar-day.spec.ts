/** "One day on" (PageUp, +1 d) is a calendar day in the company's zone: the same wall clock, across a change of clocks too. */
import { expect, setMoment, test } from './fixtures';

test('a day on and back across the end of daylight saving keeps the wall clock', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Moment' });
  await setMoment(page, '2023-11-04T23:30'); // Saturday; clocks go back at 02:00 on Sunday 5 November in California
  await expect(slider).toHaveAttribute('aria-valuetext', 'Sat 4 Nov 2023, 23:30 PDT');
  await slider.focus();
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', 'Sun 5 Nov 2023, 23:30 PST');
  await page.getByRole('button', { name: 'One day back' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', 'Sat 4 Nov 2023, 23:30 PDT');
});
