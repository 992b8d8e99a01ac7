/**
 * Filtering the events list changes how many it shows ("12 of 54" in its heading), which a screen
 * reader user cannot see: the count is said once the typing has settled, not only when nothing matches.
 */
import { expect, test } from './fixtures';
import { listenToLiveRegions, LIVE_REGION, spoken } from './spoken';

test('how many events match a filter is said once the filter settles', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel(/^Filter events by person/).pressSequentially('Brockman', { delay: 50 });
  // The heading is read from the sentence said, not before it: the typed filter applies a moment after the last key.
  const matching = async () => (await spoken(page)).filter((s) => /events? match/.test(s));
  await expect.poll(async () => (await matching()).length).toBe(1);
  const [, shown, total] = /^(\d+) of (\d+) events match the filter\.$/.exec((await matching())[0]!)!;
  expect(Number(shown)).toBeLessThan(Number(total));
  await expect(events.getByRole('heading', { name: `Events ${shown} of ${total}` })).toBeVisible();
  // By kind as well; and nothing is said while the typing goes on (one sentence for the word, not one per letter).
  await events.getByLabel('Filter events by kind').selectOption({ label: 'Board' });
  await expect.poll(async () => (await matching()).length).toBe(2);
  expect((await matching())[1]).toMatch(/^\d+ of \d+ events? match(es)? the filter\.$/);
});

test('the "Corrections" kind finds the facts a later record corrected, never "No match" while the log holds one', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel('Filter events by kind').selectOption({ label: 'Corrections' });
  // The log's one correction: the staff letter's signatories, "nearly 500" corrected to 490.
  await expect(events.getByRole('heading', { level: 2 })).toHaveText('Events 1 of 54');
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await expect(events.getByRole('listitem')).toContainText('corrected');
  await expect(events.getByRole('listitem')).toContainText('490 signatories');
  await expect.poll(async () => (await spoken(page)).filter((s) => /match/.test(s))).toEqual(['1 of 54 events matches the filter.']);
});

test('in a narrow window the events toggle says how many events the filter leaves, of how many, as the heading does', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 800, height: 600 });
  const toggle = page.getByRole('button', { name: /^Events / });
  await expect(toggle).toHaveText('Events 54');
  await toggle.click();
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel('Filter events by kind').selectOption({ label: 'Corrections' });
  await expect(events.getByRole('heading', { level: 2 })).toHaveText('Events 1 of 54');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveText('Events 1 of 54');
});
