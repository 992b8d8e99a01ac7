/**
 * The address holds the moment shown, after any amount of scrubbing. Chromium, and so Electron,
 * ignores history.replaceState past 200 calls in 10 s: an address written at every frame of a drag
 * stopped following after about 3 s, and a reload or a bookmark then opened a moment the user had left.
 */
import { expect, test } from './fixtures';

test('after a long drag of the playhead, the address holds the moment it was let go at', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Moment' });
  const track = (await page.locator('.scrubber-track').boundingBox())!;
  const y = track.y + track.height / 2;
  await page.mouse.move(track.x + 4, y);
  await page.mouse.down();
  // Back and forth across the track, 300 moves, each rendered, then a stop at 37%. The moves are
  // made in the page: Playwright's each wait for the page, and come too slowly to reach the limit.
  // (With the address written at each move, this failed: the address kept a moment 6 days off.)
  await page.locator('.scrubber-track').evaluate(async (el, y) => {
    const { left, width } = el.getBoundingClientRect();
    for (let i = 0; i <= 300; i++) {
      const x = i < 300 ? left + 4 + (width - 8) * Math.abs(((i % 100) - 50) / 50) : left + width * 0.37;
      el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 1, clientX: x, clientY: y }));
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, y);
  await page.mouse.up();
  const at = new Date(Number(await slider.getAttribute('aria-valuenow'))).toISOString();
  await expect.poll(() => new URL(page.url()).hash).toContain(`at=${at}`);
});

test('while the moment plays on, the address keeps up with it', async ({ app }) => {
  const { page } = app;
  const slider = page.getByRole('slider', { name: 'Moment' });
  const addressed = () => new URL(page.url()).hash.match(/at=([^&]+)/)?.[1];
  await slider.focus();
  const before = (await slider.getAttribute('aria-valuenow'))!;
  await page.keyboard.press('Home');
  // The first event's moment once Home has been taken: read at once, a loaded machine could still
  // give the moment before it (the address then moved on to the start, and this waited for the old one).
  await expect(slider).not.toHaveAttribute('aria-valuenow', before);
  const start = new Date(Number(await slider.getAttribute('aria-valuenow'))).toISOString();
  await expect.poll(addressed).toBe(start);
  const play = page.getByTitle('Play through time (Space)');
  await play.click();
  // The moment moves every 50 ms: an address written only once it held still would stay at the start.
  await expect.poll(addressed).not.toBe(start);
  await expect(play).toHaveAccessibleName('Pause'); // playing: the button names what it does now
  await play.click();
});
