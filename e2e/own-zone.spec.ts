/** A fact known only to the day is that day in its own zone, not the company's: on the timeline, in a step, and when it is gone to. */
import { readFileSync } from 'node:fs';
import { expect, setMoment, test, type AppUnderTest } from './fixtures';

// Reported by a London paper, known only to the day: Friday 24 November in London began at 16:00 on Thursday in California.
const LONDON_DAY = JSON.stringify({
  id: 'london-director', subject: 'openai', time: '2023-11-24T00:00:00+00:00', timeprecision: 'day', timezone: 'Europe/London', type: 'board.joined',
  data: { certainty: 'reported', citation: { document: 'A London paper, 25 November 2023', quote: 'Jane Example joined the board on Friday.' }, person: { id: 'jane-example', name: 'Jane Example' }, independent: true },
});

/** Adds the London fact, sets the moment, and lists Jane Example's events alone: her row. */
const janeAt = async (app: AppUnderTest, moment: string) => {
  await app.importEvents(LONDON_DAY);
  await setMoment(app.page, moment);
  const events = app.page.getByRole('region', { name: 'Events' });
  await events.getByLabel(/^Filter events by person/).fill('Jane Example');
  // The filter applied (her row alone in the list) before a row is used: a list drawn again closes a menu opened with its row.
  await expect(events.getByRole('listitem')).toHaveCount(1);
  return events.getByRole('listitem').filter({ hasText: 'Jane Example' });
};

test('a day fact in another zone than the company\'s is drawn, named and gone to as its own day', async ({ app }) => {
  const { page } = app;
  const row = await janeAt(app, '2023-11-23T12:00');
  await expect(row.locator('time')).toHaveText('Fri 24 Nov 2023');
  // The band spans the London day, and says so; no band claims Thursday.
  await expect(page.locator('.band[title*="some time on Thu 23 Nov 2023"]')).toHaveCount(0);
  await expect(page.locator('.band[title*="some time on Fri 24 Nov 2023"]')).toHaveCount(1);
  // Going to it lands where the state certainly includes it: the end of the London day (15:59 PST), not of Thursday in California.
  await row.locator('.event-main').click();
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveAttribute('aria-valuetext', 'Fri 24 Nov 2023, 15:59 PST');
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByRole('status')).toContainText('known only to the day (Fri 24 Nov 2023 in Europe/London): the moment is now the end of that day, Fri 24 Nov 2023, 15:59 PST');
  await expect(page.getByRole('region', { name: 'Board' })).toContainText('Jane Example');
  // There, the screen does not also say it may or may not have happened.
  await expect(page.locator('details.uncertain')).toHaveCount(0);
  // A step back from after it stops there too.
  await setMoment(page, '2023-11-25T12:00');
  await page.getByRole('slider', { name: 'Moment' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveAttribute('aria-valuetext', 'Fri 24 Nov 2023, 15:59 PST');
});

test('at the end of a day whose changes are known only to the day, where going to them lands, none is said to be uncertain', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-17T12:00');
  await page.locator('.band[title*="some time on Sun 19 Nov 2023"]').click();
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveAttribute('aria-valuetext', 'Sun 19 Nov 2023, 23:59 PST');
  // The field holds the moment exactly: "23:59" typed back would be before a record made at 23:59:30.
  const field = page.getByLabel(/^Moment \(/);
  await expect(field).toHaveValue('2023-11-19 23:59:59.999');
  await expect(page.getByRole('status')).toContainText('where the state certainly includes it');
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  await expect(page.locator('details.uncertain')).toHaveCount(0);
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: /^Sun 19 Nov 2023, 23:59 PST/ })).not.toContainText('known only to the day');
  // A minute earlier, typed, the day is not over: the note is back.
  await setMoment(page, '2023-11-19T23:58');
  await expect(page.locator('details.uncertain')).toContainText('6 changes on Sun 19 Nov 2023 known only to the day');
});

test('the seat history gives a day fact in another zone its own day, and goes to the end of it', async ({ app }) => {
  const { page } = app;
  await app.importEvents(LONDON_DAY);
  await setMoment(page, '2023-11-25T12:00');
  await page.getByRole('tab', { name: 'Seat history' }).click();
  const view = page.getByRole('region', { name: 'Seat history' });
  await expect(view.locator('.seat-svg svg title', { hasText: 'Board: Jane Example: Jane Example, Fri 24 Nov 2023' })).toHaveCount(1);
  await view.getByText('Seat history as a table').click();
  const start = view.getByRole('button', { name: /^Go to the start: Jane Example/ });
  // Its source only reported it, as the start says.
  await expect(start).toHaveText('Fri 24 Nov 2023 (reported)');
  await start.click();
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveAttribute('aria-valuetext', 'Fri 24 Nov 2023, 15:59 PST');
});

test('a correction of a fact in another zone is typed and recorded in that zone, not the company\'s', async ({ app }) => {
  const { page } = app;
  const row = await janeAt(app, '2023-11-25T12:00');
  await row.getByRole('button', { name: /^Actions for: / }).click();
  await page.getByRole('menuitem', { name: 'Correct…' }).click();
  const form = page.getByRole('dialog', { name: /^Correct: / });
  const when = form.getByLabel('When it happened (Europe/London)');
  await expect(when).toHaveValue('2023-11-24 00:00');
  // Its tooltip (the field's description where no hint is) names the zone typed in, not the company's.
  await expect(when).toHaveAttribute('title', 'YYYY-MM-DD HH:MM, in Europe/London');
  // The evening of Thursday in London: in California it would be Friday morning's 04:00 London time.
  await when.fill('2023-11-23 20:00');
  await form.getByLabel('Reason').fill('The paper corrected the day');
  await form.getByLabel('Document').fill('A London paper, 26 November 2023');
  await form.getByLabel('Quoted sentence').fill('Jane Example joined the board on Thursday.');
  await form.getByRole('button', { name: 'Record correction' }).click();
  await expect(form).toBeHidden();
  expect(JSON.parse(readFileSync(app.logPath, 'utf8').trimEnd().split('\n').at(-1)!)).toMatchObject({ type: 'event.corrected', timezone: 'Europe/London', data: { target: 'london-director', time: '2023-11-23T20:00:00+00:00', timeprecision: 'day' } });
  await expect(row.first().locator('time')).toHaveText('Thu 23 Nov 2023');
});
