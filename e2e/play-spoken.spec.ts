/**
 * While playing, the focused slider's value moves every frame. A screen reader says a focused
 * slider's value each time it changes: its text must not change 20 times a second (a stream of
 * "Fri 17 Nov 2023, 00:03 PST, 00:06 PST…"), only now and then, and exactly again once paused.
 */
import { expect, test } from './fixtures';

test('the slider says where a playing moment is now and then, not at every frame, and exactly once paused', async ({ app }) => {
  const { page } = app;
  await page.getByLabel(/^Moment \(/).fill('2023-11-17T00:00');
  const slider = page.getByRole('slider', { name: 'Moment' });
  await expect(slider).toHaveAttribute('aria-valuetext', 'Fri 17 Nov 2023, 00:00 PST');
  await slider.focus();
  await slider.evaluate((element) => {
    const texts: string[] = [];
    (globalThis as { texts?: string[] }).texts = texts;
    new MutationObserver(() => texts.push(element.getAttribute('aria-valuetext') ?? '')).observe(element, { attributes: true, attributeFilter: ['aria-valuetext'] });
  });
  await page.keyboard.press(' ');
  await page.waitForTimeout(3_000);
  await page.keyboard.press(' ');
  const texts = await page.evaluate(() => (globalThis as { texts?: string[] }).texts ?? []);
  expect(texts.length, texts.join(' | ')).toBeLessThanOrEqual(4);
  // Paused: the value said is the moment's own again (Fri 17 Nov, PST: eight hours behind UTC).
  const now = Number(await slider.getAttribute('aria-valuenow'));
  expect(now).toBeGreaterThan(Date.parse('2023-11-17T00:00:00-08:00'));
  await expect(slider).toHaveAttribute('aria-valuetext', `Fri 17 Nov 2023, ${new Date(now - 8 * 3_600_000).toISOString().slice(11, 16)} PST`);
});

test('the play button is named by what it does, never "Pause, pressed" while playing, and without its drawn glyph', async ({ app }) => {
  const { page } = app;
  await page.getByLabel(/^Moment \(/).fill('2023-11-17T00:00');
  const button = page.getByTitle('Play through time (Space)');
  await expect(button).toHaveAccessibleName('Play');
  // A toggle whose name changes says "Pause, pressed" while playing, which reads as paused.
  await expect(button).not.toHaveAttribute('aria-pressed');
  await button.click();
  await expect(button).toHaveAccessibleName('Pause');
  await expect(button).not.toHaveAttribute('aria-pressed');
  await button.click();
  await expect(button).toHaveAccessibleName('Play');
});
