/**
 * Keyboard only: a control that has the focus keeps it when it becomes unavailable or is drawn
 * again (the focus never falls to the page's body, where a screen reader says nothing and the next
 * key goes nowhere), and bookmarks say what they did.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ACME } from './second-company';

const ceo = (page: Page) => page.getByRole('region', { name: 'Roles' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'CEO', exact: true }) });
const settled = (page: Page) => expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
const status = (page: Page) => page.locator('.status-area');

async function bookmarkHere(page: Page, name: string) {
  await page.getByLabel('Name for a bookmark at this moment').fill(name);
  await page.keyboard.press('Enter');
  return page.getByRole('button', { name, exact: true });
}

test('Back and Forward keep the focus at either end of the moments visited', async ({ app }) => {
  const { page } = app;
  const moment = page.getByLabel(/^Moment \(/);
  const back = page.getByRole('button', { name: 'Back to the previous moment' });
  const forward = page.getByRole('button', { name: 'Forward to the next moment' });
  await settled(page);
  // A moment becomes a history entry once it has stayed put a while: moves until there are two.
  const moves = ['2023-11-18 12:00', '2023-11-19 12:00'];
  let made = 0;
  await expect(async () => {
    await moment.fill(moves[made++ % 2]!);
    await expect(back).not.toHaveAttribute('aria-disabled', 'true', { timeout: 2_000 });
  }).toPass();
  const last = await moment.inputValue();
  /** Presses Enter on `button` until it is unavailable: the end of the moments visited. */
  const toTheEnd = async (button: typeof back) => {
    await button.focus();
    await expect(async () => {
      await page.keyboard.press('Enter');
      await expect(button).toHaveAttribute('aria-disabled', 'true', { timeout: 1_000 });
    }).toPass();
    await expect(button).toBeFocused();
  };
  await toTheEnd(back);
  const first = await moment.inputValue();
  expect(first).not.toBe(last);
  // Unavailable, it does nothing.
  await page.keyboard.press('Enter');
  await expect(moment).toHaveValue(first);
  await toTheEnd(forward);
  await expect(moment).toHaveValue(last);
});

test('adding and removing a bookmark keeps the focus, and says so', async ({ app }) => {
  const { page } = app;
  await settled(page);
  const name = page.getByLabel('Name for a bookmark at this moment');
  await name.fill('The end');
  const add = page.getByRole('button', { name: 'Add bookmark' });
  await add.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'The end', exact: true })).toBeVisible();
  await expect(status(page)).toContainText('Bookmark "The end" added.');
  // The name is cleared, so the button is unavailable: it keeps the focus all the same.
  await expect(add).toHaveAttribute('aria-disabled', 'true');
  await expect(add).toBeFocused();
  await page.getByRole('button', { name: 'Remove the bookmark The end' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'The end', exact: true })).toHaveCount(0);
  await expect(status(page)).toContainText('Bookmark "The end" removed.');
  await expect(name).toBeFocused();
});

test('moving to another company keeps the focus where it was: a bookmark, Compare, the scrubber', async ({ app }) => {
  const { page } = app;
  await app.importEvents(`${ACME}\n`);
  const picker = page.getByRole('combobox', { name: 'Company', exact: true });
  await picker.selectOption('acme');
  await expect(ceo(page)).toContainText('Hanako Sato');
  const acme = await bookmarkHere(page, 'Acme');
  await picker.selectOption('openai');
  await expect(ceo(page)).toContainText('Sam Altman');
  const openai = await bookmarkHere(page, 'OpenAI');
  // Each says whose moment it keeps; another company's is told in UTC (its own zone is not known until its view comes).
  await expect(openai).toHaveAttribute('title', /^OpenAI, \w{3} \d+ Nov 2023, \d\d:\d\d PST$/);
  await expect(acme).toHaveAttribute('title', /^\w+, Tue 2 Apr 2024, 01:00 UTC$/);

  // Followed from the keyboard: the bookmarks stay on the page while Acme's view comes, and the focus on the one followed.
  await acme.focus();
  await page.keyboard.press('Enter');
  await expect(ceo(page)).toContainText('Hanako Sato');
  await expect(acme).toBeFocused();

  // Compare is unavailable until the other company's zone is known: it keeps the focus meanwhile.
  // (The bookmark is followed by a click that does not take the focus.)
  const compare = page.getByRole('button', { name: 'Compare' });
  await compare.focus();
  await openai.dispatchEvent('click');
  await expect(ceo(page)).toContainText('Sam Altman');
  await expect(compare).toBeFocused();

  // The scrubber is another company's, drawn anew: the focus is on it again.
  const slider = page.getByRole('slider', { name: 'Moment' });
  await slider.focus();
  await acme.dispatchEvent('click');
  await expect(ceo(page)).toContainText('Hanako Sato');
  await expect(slider).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByLabel(/^Moment \(/)).toHaveValue('2024-04-01 09:00');
});

test('at 800x600 the events drawer takes the focus, holds it, closes on Escape, a pick or a click beside it, gives it back, and is not reopened by a resize', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 800, height: 600 });
  await settled(page);
  const toggle = page.getByRole('button', { name: /^Events/ });
  const drawer = page.locator('#events-panel');
  const inDrawer = () => page.evaluate(() => document.getElementById('events-panel')!.contains(document.activeElement));
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Close the events panel' })).toBeFocused();
  // The page behind is inert: going back from the drawer's first control reaches nothing of it.
  await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement === document.body || document.getElementById('events-panel')!.contains(document.activeElement))).toBe(true);
  await drawer.getByRole('button', { name: 'Close the events panel' }).focus();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();

  // Picking an event closes the drawer, moves the moment, and the focus is on the toggle again.
  const moment = page.getByLabel(/^Moment \(/);
  const before = await moment.inputValue();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  expect(await inDrawer()).toBe(true);
  await drawer.locator('.event-main').first().focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeHidden();
  await expect(moment).not.toHaveValue(before);
  await expect(toggle).toBeFocused();

  // A click beside the drawer closes it (the page behind takes no click meanwhile).
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await page.mouse.click(100, 300);
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();

  // Widened while open, the events are beside the state, with the focus in them; narrowed again, no drawer opens unasked.
  await page.keyboard.press('Enter');
  await expect(drawer).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(toggle).toHaveCount(0);
  expect(await inDrawer()).toBe(true);
  await page.setViewportSize({ width: 800, height: 600 });
  await expect(drawer).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});
