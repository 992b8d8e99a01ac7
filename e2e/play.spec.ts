/** Play and End never show an hour the log does not know, and Play never runs the moment backwards. */
import { expect, test } from './fixtures';

const endOf29Nov = Date.parse('2023-11-30T00:00:00-08:00') - 1;

test('End lands where the last event (known only to the day) is certain; Play from there plays the story again from its start', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Moment' });
  const moment = async () => Number(await slider.getAttribute('aria-valuenow'));
  await slider.focus();
  // The last events are known only to 29 Nov: End goes to the end of that day, not to the stored noon.
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', String(endOf29Nov));
  const play = page.getByTitle('Play through time (Space)');
  await play.click();
  await expect(play).toHaveAccessibleName('Pause'); // playing: the button names what it does now
  await expect.poll(moment).toBeLessThan(Date.parse('2023-11-18T00:00:00-08:00'));
  await play.click();
  await expect(play).toHaveAccessibleName('Play'); // paused

  // From past the end as well: the story again from its start, never its last event's noon.
  await page.getByLabel(/^Moment \(/).fill('2023-12-05T12:00');
  await expect.poll(moment).toBe(Date.parse('2023-12-05T12:00:00-08:00'));
  await page.keyboard.press('Tab');
  await slider.focus();
  await page.keyboard.press(' ');
  await expect.poll(moment).toBeLessThan(Date.parse('2023-11-18T00:00:00-08:00'));
  await page.keyboard.press(' ');
});
