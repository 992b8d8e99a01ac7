/**
 * Menu buttons (the toolbar's More and each event's ⋯) open from the keyboard as the WAI-ARIA menu
 * button pattern says: Enter, Space and ArrowDown open the menu on its first item, ArrowUp on its
 * last; Escape closes it and gives the focus back to the button.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function opensFromTheKeyboard(page: Page, button: Locator, first: string, last: string) {
  const menu = page.getByRole('menu');
  for (const [key, item] of [['ArrowDown', first], ['ArrowUp', last], ['Enter', first], ['Space', first]] as const) {
    await button.focus();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press(key);
    await expect(menu, `${key} opens the menu`).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('menuitem', { name: item }), `${key} focuses ${item}`).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(button).toBeFocused();
  }
}

test('the toolbar’s More opens on ArrowDown (first item), ArrowUp (last item), Enter and Space', async ({ app }) => {
  const { page } = app;
  await opensFromTheKeyboard(page, page.getByRole('button', { name: 'More actions' }), 'Copy link to this moment', 'Export log');
});

test('an event’s ⋯ opens on ArrowDown and ArrowUp without moving to another row', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  const row = events.locator('.event.current');
  await expect(row).toHaveCount(1);
  const actions = row.getByRole('button', { name: /^Actions for: / });
  await opensFromTheKeyboard(page, actions, 'Go to this moment', 'Retract…');
});
