/** A journalist's moves: check a source, go back and forward, share a moment, find every event that names someone, all from the keyboard too. */
import type { Page } from '@playwright/test';
import { expect, setMoment, test } from './fixtures';

const slider = (page: Page) => page.getByRole('slider', { name: 'Moment' });
const valueText = (page: Page) => slider(page).getAttribute('aria-valuetext');
/** Goes to a moment and stays long enough for it to count as visited (Back returns to it). */
const visit = async (page: Page, local: string) => {
  await setMoment(page, local);
  await page.waitForTimeout(900);
};

test('a source opens in a dialog that holds focus, closes on Escape, gives focus back and leaves the moment alone', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-17T08:00');
  const before = await valueText(page);
  const opener = page.getByRole('button', { name: "Source for Adam D'Angelo's board seat" });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Source' });
  await expect(dialog).toContainText("Adam D'Angelo on the board (as of the log's start)");
  await expect(dialog).toContainText('Certainty');
  await expect(dialog.getByRole('link', { name: /openai\.com/ })).toHaveAttribute('target', '_blank');
  expect(await valueText(page)).toBe(before);
  // Focus is inside the dialog and stays there.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  // The add-event form behaves the same way.
  const add = page.getByRole('button', { name: 'Add event' });
  await add.click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  expect(await form.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await expect(add).toBeFocused();
});

test('Back and Forward walk the moments visited, and the address holds the moment across a reload', async ({ app }) => {
  const { page } = app;
  await visit(page, '2023-11-18T12:00');
  await visit(page, '2023-11-20T23:00');
  await page.getByRole('button', { name: 'Back to the previous moment' }).click();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  await page.locator('body').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Mon 20 Nov 2023, 23:00 PST');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  // The address follows once the moment holds still.
  await expect.poll(() => new URL(page.url()).hash).toBe('#company=openai&at=2023-11-18T20:00:00.000Z');
  expect(page.url()).not.toContain('token=');
  await page.reload();
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  await expect(page.getByRole('region', { name: 'Roles' })).toContainText('Mira Murati');
});

test('a step still waiting for its state does not overwrite a move made meanwhile (Back)', async ({ app }) => {
  const { page } = app;
  await visit(page, '2023-11-18T12:00');
  await visit(page, '2023-11-20T23:00');
  // In one task: a step (which first asks the worker for its state) and then Back, before the answer.
  await page.evaluate(() => {
    const slider = document.querySelector<HTMLElement>('[role=slider][aria-label=Moment]')!;
    slider.focus();
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    document.querySelector<HTMLButtonElement>('button[aria-label="Back to the previous moment"]')!.click();
  });
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  // The step's answer has long arrived by now; the moment is still where Back put it.
  await page.waitForTimeout(500);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Sat 18 Nov 2023, 12:00 PST');
  await expect(page.locator('.state[data-moment]')).toHaveAttribute('data-moment', String(Date.parse('2023-11-18T20:00:00Z')));

  // Again, and one more step soon after: it goes on from where Back put the moment, not from the dropped step.
  await visit(page, '2023-11-20T23:00');
  await page.evaluate(async () => {
    const slider = document.querySelector<HTMLElement>('[role=slider][aria-label=Moment]')!;
    const right = () => slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
    slider.focus();
    right();
    document.querySelector<HTMLButtonElement>('button[aria-label="Back to the previous moment"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    right();
  });
  const now = async () => Number(await slider(page).getAttribute('aria-valuenow'));
  await expect.poll(now).toBeGreaterThan(Date.parse('2023-11-18T20:00:00Z'));
  await page.waitForTimeout(300);
  expect(await now()).toBeLessThan(Date.parse('2023-11-21T07:00:00Z'));
});

test('a shared link opens at its moment and "Copy link to this moment" copies it', async ({ app }) => {
  test.skip(app.mode !== 'web', 'an http link to a moment exists only in the web mode; the desktop app\'s incumbent:// links are checked in src/core/moment-link.test.ts');
  const { page } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${app.url!.split('#')[0]}#company=openai&at=2023-11-17T20:30:00.000Z`);
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'Fri 17 Nov 2023, 12:30 PST');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Copy link to this moment' }).click();
  await expect(page.getByRole('status')).toContainText('Link to this moment copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('#company=openai&at=2023-11-17T20:30:00.000Z');
});

test('the filter finds every person, party and organisation an event names, dims the other markers, and says when nothing matches', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  const search = events.getByLabel(/^Filter events by person/);
  await search.fill('Amodei');
  await expect(events.getByRole('listitem').first()).toContainText('Dario Amodei');
  await expect(page.locator('.marker.dim, .band.dim').first()).toBeAttached();
  await expect(page.locator('.marker:not(.dim), .band:not(.dim)').first()).toBeAttached();
  await search.fill('Microsoft');
  await expect(events.getByRole('listitem').filter({ hasText: 'Sam Altman joined Microsoft' })).toHaveCount(1);
  await search.fill('zzz-nobody');
  await expect(events.getByText('No match')).toBeVisible();
  await events.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(search).toHaveValue('');
  // Unfiltered, the count is the total alone.
  await expect(events.locator('h2 .count')).toHaveText(/^[\d,]+$/);
  const all = Number((await events.locator('h2 .count').textContent())!.replace(/\D/g, ''));
  await events.getByRole('switch', { name: 'Hide rumoured' }).check();
  await expect(events.locator('h2 .count')).toHaveText(`${all - 1} of ${all}`);
});

test('event rows are keyboard items with a visible actions menu; changes are announced', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-17T13:00');
  await expect(page.locator('[aria-live="polite"][aria-atomic="true"]').filter({ hasText: 'CEO: Mira Murati, interim.' })).toHaveCount(1);
  const events = page.getByRole('region', { name: 'Events' });
  const active = events.locator('.event-main[tabindex="0"]');
  await expect(active).toHaveCount(1);
  await active.focus();
  const row = Number(await active.evaluate((el) => el.closest('[data-row]')!.getAttribute('data-row')));
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`[data-row="${row + 1}"] .event-main`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(slider(page)).not.toHaveAttribute('aria-valuetext', 'Fri 17 Nov 2023, 13:00 PST');
  // Tab reaches the row's own actions; the menu opens, moves with arrows and closes with Escape.
  await page.locator(`[data-row="${row + 1}"] .event-main`).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const menuButton = page.locator(`[data-row="${row + 1}"] [aria-haspopup="menu"]`);
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAccessibleName(/^Actions for: /);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Go to this moment' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Show source' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(menuButton).toBeFocused();
});

test('compare shows before and after side by side, with what happened in between, from presets', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-22T12:00');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare two moments' });
  await dialog.getByRole('button', { name: 'Log’s first moment' }).click();
  await expect(dialog.getByLabel('Compare from')).toHaveValue('2022-05-01 00:00');
  await expect(dialog.getByRole('region', { name: /^Before: / })).toContainText('CTO');
  await expect(dialog.getByRole('region', { name: /^After: Wed 22 Nov 2023, 12:00 PST/ })).toContainText('Emmett Shear');
  const between = dialog.getByRole('region', { name: 'What happened in between' });
  await expect(between).toContainText('Sun 19 Nov 2023');
  await expect(between).toContainText('Emmett Shear became interim CEO');
  // And a screen reader hears it, from inside the dialog (the page behind it is inert).
  await expect(dialog.locator('[aria-live]')).toHaveText(/^\d+ differences from Sun 1 May 2022, 00:00 PDT to Wed 22 Nov 2023, 12:00 PST, \d+ events in between\. Before: 1 change in May 2022 known only to the month\.$/); // the log’s first moment is inside the month its CTO change is known to
  await expect(dialog.getByLabel('Compare from')).not.toHaveValue(await dialog.getByLabel('Compare to').inputValue());
  // Before after After is not read backwards: it is named.
  await dialog.getByLabel('Compare from').fill('2023-11-25 12:00');
  await expect(dialog.getByRole('alert')).toHaveText('“Before” is later than “After”: choose an earlier moment for Before.');
  await expect(dialog.getByRole('list', { name: 'Differences' })).toHaveCount(0);
});
