/**
 * The events list keeps the current event in view as the moment moves. While the playhead is
 * dragged it holds still (a drag across a large log passes hundreds of events a frame, and new rows
 * laid out at each cost the frames the state needs); let go, it follows.
 */
import { expect, test } from './fixtures';

test('the events list follows the moment, holds still while the playhead is dragged, and follows when it is let go', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Moment' });
  const list = page.locator('.events-scroll');
  const current = page.locator('.event.current');
  const scrolled = () => list.evaluate((el) => el.scrollTop);
  /** The state shown is the one for the moment the slider holds. */
  const stateFollows = () => expect.poll(async () => (await page.locator('.state').getAttribute('data-moment')) === (await slider.getAttribute('aria-valuenow'))).toBe(true);

  await slider.focus();
  await page.keyboard.press('Home');
  await expect(current).toBeInViewport();
  const first = await current.getAttribute('data-row');
  await page.keyboard.press('End');
  await expect(current).not.toHaveAttribute('data-row', first!);
  await expect(current).toBeInViewport();
  await stateFollows();
  const [end, lastRow, lastScroll] = [Number(await slider.getAttribute('aria-valuenow')), (await current.getAttribute('data-row'))!, await scrolled()];

  // Held at the left end of the track, where the story begins: the state follows, the list does not.
  const track = (await page.locator('.scrubber-track').boundingBox())!;
  const y = track.y + track.height / 2;
  await page.mouse.move(track.x + track.width * 0.6, y);
  await page.mouse.down();
  await page.mouse.move(track.x + 2, y, { steps: 8 });
  await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeLessThan(end);
  // Once the state has come for the moment, a list that followed would have moved with it.
  await stateFollows();
  expect(await scrolled()).toBe(lastScroll);
  await expect(current).toHaveAttribute('data-row', lastRow);

  // Let go: the list comes to the moment's event.
  await page.mouse.up();
  await expect(current).not.toHaveAttribute('data-row', lastRow);
  await expect(current).toBeInViewport();
  expect(await scrolled()).not.toBe(lastScroll);
});
