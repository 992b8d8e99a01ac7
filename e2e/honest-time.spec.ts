/** Facts known only to the day are never given an hour, and the screen says when the moment falls inside such a day. */
import type { Page } from '@playwright/test';
import { expect, setMoment, test } from './fixtures';
import { holdableAnswers } from './held-answers';

const ceo = (page: Page) => page.getByRole('region', { name: 'Roles' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CEO', exact: true }) });
const slider = (page: Page) => page.getByRole('slider', { name: 'Moment' });

test('who was CEO on Sunday at 21:00: the answer says the change is known only to the day', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-19T21:00');
  await expect(ceo(page)).toContainText('Mira Murati');
  await expect(ceo(page)).toContainText('may change some time on Sun 19 Nov 2023');
  await expect(ceo(page)).toContainText('known to the day');
  const note = page.locator('details.uncertain');
  await expect(note).toContainText('changes on Sun 19 Nov 2023 known only to the day');
  await note.locator('summary').click();
  await expect(note).toContainText('Emmett Shear became interim CEO (not counted below yet)');
  // Outside that day the state is certain, and says nothing of the kind.
  await setMoment(page, '2023-11-18T12:00');
  await expect(ceo(page)).not.toContainText('some time on');
});

test('a change known only to the month is given its month, never a day the log does not know', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2022-05-15T12:00');
  const note = page.locator('details.uncertain');
  await expect(note.locator('summary')).toHaveText('1 change in May 2022 known only to the month: the log cannot say on what day, so at this moment it may or may not have happened.');
  const cto = page.getByRole('region', { name: 'Roles' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CTO', exact: true }) });
  await expect(cto).toContainText('changed some time in May 2022');
  await expect(cto).toContainText('known to the month');
  // What a screen reader hears says the same.
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: /^Sun 15 May 2022, 12:00 PDT/ })).toContainText('1 change in May 2022 known only to the month.');
  await expect(page.locator('.state')).not.toContainText(/Sun 1 May 2022|known only to the day/);
});

test('day-precision events print no hour, are bands on the scrubber, and a click goes to the end of their day', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-17T12:00');
  const events = page.getByRole('region', { name: 'Events' });
  await events.getByLabel(/^Filter events by person/).fill('Shear became interim');
  await expect(events.getByRole('listitem')).toHaveCount(1);
  const row = events.getByRole('listitem').filter({ hasText: 'Emmett Shear' });
  await expect(row.locator('time')).toHaveText('Sun 19 Nov 2023');
  const band = page.locator('.band[title*="some time on Sun 19 Nov 2023"]');
  await expect(band).toHaveCount(1);
  await expect(page.locator('.marker[title*="Sun 19 Nov 2023, 23:00"]')).toHaveCount(0);
  await band.click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sun 19 Nov 2023, 23:59 PST');
  await expect(page.getByRole('status')).toContainText('known only to the day');
  await expect(ceo(page)).toContainText('Emmett Shear');
});

test('the last change has a fixed slot that says how long before it was', async ({ app }) => {
  const { page } = app;
  const slot = page.locator('.last-change');
  await setMoment(page, '2023-11-17T13:00');
  await expect(slot).toContainText('Last change: Fri 17 Nov 2023, 12:00 PST, to the hour, 1 h before');
  const height = (await slot.boundingBox())!.height;
  await setMoment(page, '2023-11-18T09:00');
  await expect(slot).toContainText('Last change: Fri 17 Nov 2023, at least 9 h before');
  expect((await slot.boundingBox())!.height).toBe(height);
});

test('the figures chart waits for its first figure and spans the log', async ({ app }) => {
  const { page } = app;
  const figures = page.getByRole('region', { name: 'Open items and figures' });
  await setMoment(page, '2023-11-18T12:00');
  await expect(figures.getByRole('img')).toHaveCount(0);
  await expect(figures).toContainText('No figure reported yet at this moment.');
  await setMoment(page, '2023-11-21T12:00');
  const chart = figures.getByRole('img');
  await expect(chart).toHaveAttribute('aria-label', /Workforce 770/);
  const [from, to] = await chart.locator('text.small').evaluateAll((els) => els.slice(0, 2).map((e) => e.textContent));
  expect(from).not.toBe(to);
});

test('a snapshot file is named by the moment in the company\'s zone', async ({ app }) => {
  test.skip(app.mode !== 'web', 'the desktop app offers the name in its native save dialog; the name itself is checked in src/service/service.test.ts');
  const { page } = app;
  await setMoment(page, '2023-11-18T12:00');
  await expect(ceo(page)).toContainText('Mira Murati');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export snapshot' }).click();
  expect((await download).suggestedFilename()).toBe('openai-leadership-crisis-november-2023-2023-11-18T1200-PST.snapshot.json');
});

test('before the log’s coverage starts, the screen says so instead of showing an empty board', async ({ app }) => {
  const { page } = app;
  const slot = page.locator('.last-change');
  await setMoment(page, '2023-11-10T12:00');
  await expect(slot).toContainText('Before this log’s coverage. It starts Fri 17 Nov 2023');
  await expect(page.getByRole('region', { name: 'Board' })).toContainText('Not covered yet.');
  await expect(page.getByRole('region', { name: 'Board' })).not.toContainText('vacant');
  // Before any role it knows of (the CTO's, from May 2022), nor that no one held a role.
  await setMoment(page, '2021-06-01T12:00');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Not covered yet.');
  await expect(page.getByRole('region', { name: 'Roles' })).not.toContainText('No roles recorded');
  await setMoment(page, '2023-11-17T13:00');
  await expect(slot).not.toContainText('Before this log’s coverage');
  await expect(slot).toContainText('Last change:');
});

test('before the log’s coverage, the diagram and the comparison say not covered yet, never a vacant chair or an empty board', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2022-05-15T12:00');
  const board = page.getByRole('region', { name: 'Board' });
  await expect(board).toContainText('Not covered yet.');
  await expect(board.getByRole('heading', { name: 'Board', exact: true })).toBeVisible();
  const diagram = page.getByRole('region', { name: 'Leadership diagram' });
  await expect(diagram.locator('.org-heading').first()).toHaveText('Board · not covered yet');
  await expect(diagram.getByRole('img')).toHaveAccessibleName(/^Board not covered yet;/);
  await expect(diagram).not.toContainText('vacant');
  await page.getByRole('button', { name: 'Compare' }).click();
  const before = page.getByRole('dialog', { name: 'Compare two moments' }).getByRole('region', { name: /^Before: / });
  await expect(before).toContainText('Not covered yet.');
  await expect(before.getByRole('heading', { level: 4 })).toHaveText('Board');
});

test('while the chosen moment\'s state is on its way, the state shown says it is another moment\'s', async ({ app }) => {
  const { page } = app;
  const answers = await holdableAnswers(page);
  await page.reload();
  const state = page.locator('.state');
  // The log loaded again (its title comes with the last page) and its first state shown, before the moment is typed.
  await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Loading');
  await expect(state).toHaveAttribute('aria-busy', 'false');
  const lastChange = page.locator('.last-change');
  await setMoment(page, '2023-11-20T23:00');
  await expect(ceo(page)).toContainText('Emmett Shear');
  await expect(state).toHaveAttribute('aria-busy', 'false');
  const before = await lastChange.textContent();
  const shown = await state.getAttribute('data-moment');

  await answers.hold();
  await setMoment(page, '2023-11-22T12:00');
  await expect(state).toHaveAttribute('aria-busy', 'true');
  // Its last change is still told from its own moment, not as if it were the new one's.
  await expect(lastChange).toHaveText(before!);
  await expect(state).toHaveAttribute('data-moment', shown!);

  await answers.release();
  await expect(state).toHaveAttribute('aria-busy', 'false');
  await expect(state).not.toHaveAttribute('data-moment', shown!);
  await expect(lastChange).not.toHaveText(before!);

  // Another "known by" at the same known-at: the state shown is the other reader's until the answer comes.
  await page.getByLabel('As known at an earlier time').check();
  await expect(state).toHaveAttribute('aria-busy', 'false');
  await answers.hold();
  await page.getByLabel('Known by').selectOption('published');
  await expect(state).toHaveAttribute('aria-busy', 'true');
  await answers.release();
  await expect(state).toHaveAttribute('aria-busy', 'false');
});

test('no time is typed while the window is still loading, before the company\'s zone is known (it would be read in UTC)', async ({ app }) => {
  const { page } = app;
  const answers = await holdableAnswers(page, { heldFromTheStart: true });
  await page.reload();
  // Nothing has come from the replay worker: the company's zone is not known yet.
  const input = page.getByLabel(/^Moment \(/);
  await expect(input).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add event' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Compare' })).toBeDisabled();
  // Typed now, it waits for the field; once the zone is known, it is read there.
  const typing = setMoment(page, '2023-11-20T23:00');
  await answers.release();
  await typing;
  await expect(input).toHaveAccessibleName('Moment (America/Los_Angeles)');
  await expect(input).toHaveValue('2023-11-20T23:00');
  await expect(page.locator('.state')).toHaveAttribute('data-moment', String(Date.parse('2023-11-20T23:00:00-08:00')));
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  await expect(ceo(page)).toContainText('Emmett Shear');
  // The event form, once it opens, reads its time there too.
  await page.getByRole('button', { name: 'Add event' }).click();
  const when = page.getByLabel(/^When it happened/);
  await expect(when).toHaveAccessibleName('When it happened (America/Los_Angeles)');
});

test('the known-at time names its zone as the moment does, on screen and to a screen reader', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-20T23:00');
  await page.getByLabel('As known at an earlier time').check();
  const knownAt = page.getByLabel(/^Known at \(/);
  await expect(knownAt).toHaveAccessibleName('Known at (America/Los_Angeles)');
  const zone = page.locator('.known-at abbr.zone');
  await expect(zone).toHaveText('PST');
  await expect(zone).toHaveAttribute('title', 'America/Los_Angeles');
  // The zone's name is the known-at's own, on its side of a daylight-saving change.
  await knownAt.fill('2024-04-01 12:00');
  await expect(zone).toHaveText('PDT');
});
