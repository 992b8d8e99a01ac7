/**
 * Filtering the events list changes how many it shows ("12 of 54" in its heading), which a screen
 * reader user cannot see: the count is said once the typing has settled, not only when nothing matches.
 */
import { expect, test } from './fixtures';
import { listenToLiveRegions, spoken } from './spoken';

test('how many events match a filter is said once the filter settles', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions);
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel(/^Filter events by person/).pressSequentially('Brockman', { delay: 50 });
  const heading = events.getByRole('heading', { name: /^Events \d+ of \d+$/ });
  await expect(heading).toBeVisible();
  const [, shown, total] = /(\d+) of (\d+)/.exec((await heading.textContent())!)!;
  const matching = async () => (await spoken(page)).filter((s) => /events? match/.test(s));
  await expect.poll(matching).toEqual([`${shown} of ${total} events match the filter.`]);
  // By kind as well; and nothing is said while the typing goes on (one sentence for the word, not one per letter).
  await events.getByLabel('Filter events by kind').selectOption({ label: 'Board' });
  await expect.poll(async () => (await matching()).length).toBe(2);
  expect((await matching())[1]).toMatch(/^\d+ of \d+ events? match(es)? the filter\.$/);
});
