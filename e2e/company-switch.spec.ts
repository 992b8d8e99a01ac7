/**
 * Moving to another company shows nothing of the last one while the other's answers are on their
 * way: no scrubber, events, state or spoken sentence of it, no "no events" said of a company that
 * has them, and no time read or said in the last one's zone. Two companies in two zones: the
 * starter log's (America/Los_Angeles) and one imported here (Asia/Tokyo).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { holdableAnswers } from './held-answers';
import { ACME } from './second-company';

const ceo = (page: Page) => page.getByRole('region', { name: 'Roles' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CEO', exact: true }) });
const settled = (page: Page) => expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');

/** Nothing of the company left is on screen or said, while the one chosen has not answered. */
async function nothingOf(page: Page, left: { person: string; zone: RegExp }) {
  const pane = page.locator('#pane-view');
  await expect(pane).toHaveText('Loading…');
  await expect(page.getByRole('slider', { name: 'Moment' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Events' })).toHaveCount(0);
  await expect(page.getByText(left.person)).toHaveCount(0);
  await expect(page.getByLabel(/^Moment \(/)).toHaveAccessibleName('Moment (the company’s time zone, not known yet)');
  await expect(page.locator('body')).not.toContainText(left.zone);
}

test('moving to another company shows nothing of the last one while it loads, then its own times in its own zone', async ({ app }) => {
  const { page } = app;
  await app.importEvents(`${ACME}\n`);
  const answers = await holdableAnswers(page);
  await page.reload();
  const picker = page.getByRole('combobox', { name: 'Company', exact: true });
  await picker.selectOption('acme');
  await expect(ceo(page)).toContainText('Hanako Sato');
  await settled(page);
  await page.getByLabel('Name for a bookmark at this moment').fill('Acme, new CEO');
  await page.getByRole('button', { name: 'Add bookmark' }).click();
  const bookmark = page.getByRole('button', { name: 'Acme, new CEO', exact: true });
  await expect(bookmark).toBeVisible();

  // With the picker: the moment starts again, at the other company's last event.
  await answers.hold();
  await picker.selectOption('openai');
  await nothingOf(page, { person: 'Hanako Sato', zone: /GMT\+9|Asia\/Tokyo/ });
  await answers.release();
  await expect(ceo(page)).toContainText('Sam Altman');
  await expect(page.getByLabel(/^Moment \(/)).toHaveAccessibleName('Moment (America/Los_Angeles)');
  await settled(page);

  // With a bookmark, the company and the moment together: the last company's state is no answer for it.
  await answers.hold('states');
  await bookmark.click();
  await expect(picker).toHaveValue('acme');
  await expect(page.getByLabel(/^Moment \(/)).toHaveAccessibleName('Moment (Asia/Tokyo)');
  await expect(page.locator('#pane-view')).toHaveText('Loading…');
  await expect(page.getByText('Sam Altman')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/PST|America\/Los_Angeles/);
  await answers.release();
  await expect(ceo(page)).toContainText('Hanako Sato');
  await expect(page.getByLabel(/^Moment \(/)).toHaveValue('2024-04-02 10:00');
  await settled(page);
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Tue 2 Apr 2024, 10:00 GMT+9. Last change: Taro Yamada joined the board.' })).toHaveCount(1);
});
