/**
 * A wall time the company's clock skipped (02:30 on 10 March 2024 in Los Angeles, when clocks went
 * from 02:00 PST to 03:00 PDT) is read as the moment it lands on, 03:30 PDT. Once the field is left
 * it must say that moment: "02:30" beside "PDT" names an instant an hour before the one shown.
 */
import { expect, setMoment, test } from './fixtures';

test('a wall time skipped by the clock reads back, once left, as the moment shown', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2024-03-10T02:30');
  const input = page.getByLabel(/^Moment \(/);
  await input.blur();
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveAttribute('aria-valuetext', /03:30 PDT/);
  await expect(input).toHaveValue('2024-03-10 03:30');
  // A wall time that exists is left as typed.
  await setMoment(page, '2023-11-19T21:00');
  await input.blur();
  await expect(input).toHaveValue('2023-11-19T21:00');
});
