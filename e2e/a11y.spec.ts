/** Accessibility: no serious or critical axe-core violations (WCAG 2.2 AA) in either theme, at several moments and with each dialog open. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function seriousViolations(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return serious.map((v) => `${where}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const setTheme = async (page: Page, theme: 'light' | 'dark') => {
  // The desktop app follows the system theme; emulate it there, pick it in the web mode.
  await page.emulateMedia({ colorScheme: theme });
  const picker = page.getByLabel('Theme');
  if (await picker.count()) await picker.selectOption(theme);
};

for (const theme of ['light', 'dark'] as const) {
  test(`no serious axe violations in the ${theme} theme, at three moments and in every dialog`, async ({ app }) => {
    // Six full-page axe runs: about 30 s on a quiet 2-core machine, minutes when it is busy.
    test.setTimeout(240_000);
    const { page } = app;
    await setTheme(page, theme);
    const found: string[] = [];
    for (const moment of ['2023-11-17T15:00', '2023-11-19T21:00', '2023-11-22T12:00']) {
      await page.getByLabel(/^Moment \(/).fill(moment);
      await expect(page.getByRole('region', { name: 'Roles' })).toBeVisible();
      await page.waitForTimeout(300);
      found.push(...(await seriousViolations(page, `${theme} ${moment}`)));
    }
    const dialogs: [string, () => Promise<void>][] = [
      ['Add an event', () => page.getByRole('button', { name: 'Add event' }).click()],
      ['Compare two moments', () => page.getByRole('button', { name: 'Compare', exact: true }).click()],
      ['Source', () => page.getByRole('button', { name: /^Source for CEO/ }).click()],
    ];
    for (const [name, open] of dialogs) {
      await open();
      const dialog = page.getByRole('dialog', { name });
      await expect(dialog).toBeVisible();
      await page.waitForTimeout(400);
      found.push(...(await seriousViolations(page, `${theme} dialog "${name}"`)));
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
    expect(found).toEqual([]);
  });
}
