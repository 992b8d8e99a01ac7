/**
 * A moment typed wrong (no such date or hour) is kept for the user to fix, and the moment stays
 * where it was. That it was not read must be said in words, to the eye and to a screen reader, not
 * by a red border alone (WCAG 1.4.1, 3.3.1); and the words cover no control while they show (they
 * covered the Play and zoom row, or the dialog's Compare button, when laid over the page).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';

/** The controls (that can be clicked now: not behind a modal dialog, not inert) whose box the message's box meets. */
const controlsUnder = (message: Locator) =>
  message.evaluate((said) => {
    const m = said.getBoundingClientRect();
    const modal = document.querySelector('dialog:modal');
    const hit: string[] = [];
    for (const el of document.querySelectorAll('button, input, select, textarea, a[href], summary, [role="slider"], [tabindex]')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || el.closest('[inert]') || (modal && !modal.contains(el))) continue;
      if (r.left < m.right && m.left < r.right && r.top < m.bottom && m.top < r.bottom) hit.push(`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim()}"`);
    }
    return hit;
  });

for (const [where, open, field] of [
  ['the toolbar', async () => {}, 'Moment (America/Los_Angeles)'],
  ['the toolbar’s Known at', 'As known at', 'Known at (America/Los_Angeles)'],
  ['the Compare dialog', 'Compare', 'Compare from'],
] as const) {
  test(`a moment that cannot be read is said in words in ${where}, over no control`, async ({ app }) => {
    const { page } = app;
    if (open === 'Compare') await page.getByRole('button', { name: open, exact: true }).click();
    else if (typeof open === 'string') await page.getByRole('checkbox', { name: open }).check();
    const input = page.getByRole('textbox', { name: field, exact: true });
    await input.fill('2023-13-45 99:00');
    await input.blur();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const said = /not a moment.*YYYY-MM-DD HH:MM/i;
    await expect(input).toHaveAccessibleDescription(said);
    const message = page.getByText(said);
    await expect(message).toBeVisible();
    for (const [width, height] of [[1440, 900], [800, 600]] as const) {
      await page.setViewportSize({ width, height });
      expect(await controlsUnder(message), `at ${width}x${height}`).toEqual([]);
    }
    // Read in either theme (the page follows the system's while no theme is picked).
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const axe = await new AxeBuilder({ page }).include('.moment-error').withRules(['color-contrast']).analyze();
      expect(axe.violations, colorScheme).toEqual([]);
      expect(axe.passes.map((rule) => rule.id), `${colorScheme}: contrast measured, not left incomplete`).toContain('color-contrast');
    }
    // Fixed: the words go.
    await input.fill('2023-11-20 09:00');
    await input.blur();
    await expect(page.getByText(said)).toHaveCount(0);
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  });
}
