/**
 * What a screen reader hears of a state the log does not simply know: one seen as known at an
 * earlier time (that it is one, not the state at the moment), or one before the log's coverage.
 */
import { expect, setMoment, test } from './fixtures';
import { LIVE_REGION, listenToLiveRegions, spoken } from './spoken';

const lastSaid = async (page: Parameters<typeof spoken>[0]) => (await spoken(page)).filter((s) => /^\w{3} \d+ \w{3} \d{4}, /.test(s)).at(-1) ?? '';

test('the sentence said for a state as known at an earlier time names that time, and a new known-at is said again', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  await setMoment(page, '2023-11-22T12:00');
  await expect.poll(() => lastSaid(page)).toMatch(/^Wed 22 Nov 2023, 12:00 PST\. .*CEO: Emmett Shear, interim\./);
  await page.getByRole('checkbox', { name: /^As known at/ }).check();
  await page.getByLabel(/^Known at/).fill('2023-11-19 12:00');
  // Mira Murati was not CEO at noon on 22 November: only as the log had it on the 19th.
  await expect.poll(() => lastSaid(page)).toMatch(/^Wed 22 Nov 2023, 12:00 PST, as known at Sun 19 Nov 2023, 12:00 PST \(as recorded here\)\. .*CEO: Mira Murati, interim\./);
  // Another known-at with the same last change is a state of another time: said again, with its time.
  await page.getByLabel(/^Known at/).fill('2023-11-19 13:00');
  await expect.poll(() => lastSaid(page)).toMatch(/^Wed 22 Nov 2023, 12:00 PST, as known at Sun 19 Nov 2023, 13:00 PST \(as recorded here\)\./);
  await page.getByLabel('Known by').selectOption('published');
  await expect.poll(() => lastSaid(page)).toMatch(/as known at Sun 19 Nov 2023, 13:00 PST \(as published\)\./);
  // Back to everything the log holds: said plainly again.
  await page.getByRole('checkbox', { name: /^As known at/ }).uncheck();
  await expect.poll(() => lastSaid(page)).toMatch(/^Wed 22 Nov 2023, 12:00 PST\. .*CEO: Emmett Shear, interim\./);
});

test('before the log’s coverage the sentence says so, as the screen does, and never that there was no CEO', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  await setMoment(page, '2023-11-10T12:00');
  await expect(page.locator('.last-change')).toContainText('Before this log’s coverage');
  await expect.poll(() => lastSaid(page)).toMatch(/^Fri 10 Nov 2023, 12:00 PST\. Before this log’s coverage, which starts Fri 17 Nov 2023: it does not say who held which seat then\./);
  expect(await lastSaid(page)).not.toContain('No CEO recorded');
  // Inside it, the sentence is as before.
  await setMoment(page, '2023-11-17T13:00');
  await expect.poll(() => lastSaid(page)).toMatch(/^Fri 17 Nov 2023, 13:00 PST\. Last change: .*CEO: Mira Murati, interim\./);
});

test('a known-at before anything was recorded keeps the company’s zone (the moment and the known-at typed in it are not read again in UTC), and the empty list says why it is empty', async ({ app }) => {
  const { page } = app;
  await page.evaluate(listenToLiveRegions, LIVE_REGION);
  await setMoment(page, '2023-11-22T12:00');
  await page.getByRole('checkbox', { name: /^As known at/ }).check();
  await page.getByLabel(/^Known at/).fill('2023-11-01 12:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Not covered yet.');
  await page.getByLabel(/^Known at/).blur();
  // Noon on 1 November in California, as typed; the moment still noon on the 22nd there.
  await expect(page.getByLabel(/^Known at/)).toHaveValue('2023-11-01 12:00');
  await expect(page.getByLabel(/^Moment \(/)).toHaveAccessibleName('Moment (America/Los_Angeles)');
  await expect(page.getByLabel(/^Moment \(/)).toHaveValue(/^2023-11-22.12:00$/);
  await expect(page.locator('.toolbar .zone').first()).toHaveText('PST');
  await expect.poll(() => lastSaid(page)).toMatch(/^Wed 22 Nov 2023, 12:00 PST, as known at Wed 1 Nov 2023, 12:00 PDT \(as recorded here\)\./);
  // The empty events list says why it is empty: no filter was set, so "No match" would say the wrong thing.
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events.getByRole('status')).toHaveText('No event recorded by the known-at time');
  await page.getByLabel('Known by').selectOption('published');
  await expect(events.getByRole('status')).toHaveText('No event published by the known-at time');
});
