/**
 * A moment typed wrong (no such date or hour) is kept for the user to fix, and the moment stays
 * where it was. That it was not read must be said in words, to the eye and to a screen reader, not
 * by a red border alone (WCAG 1.4.1, 3.3.1).
 */
import { expect, test } from './fixtures';

for (const [where, open, field] of [
  ['the toolbar', async () => {}, 'Moment (America/Los_Angeles)'],
  ['the Compare dialog', 'Compare', 'Compare from'],
] as const) {
  test(`a moment that cannot be read is said in words in ${where}`, async ({ app }) => {
    const { page } = app;
    if (typeof open === 'string') await page.getByRole('button', { name: open, exact: true }).click();
    const input = page.getByRole('textbox', { name: field, exact: true });
    await input.fill('2023-13-45 99:00');
    await input.blur();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    const said = /not a moment.*YYYY-MM-DD HH:MM/i;
    await expect(input).toHaveAccessibleDescription(said);
    await expect(page.getByText(said)).toBeVisible();
    // Fixed: the words go.
    await input.fill('2023-11-20 09:00');
    await input.blur();
    await expect(page.getByText(said)).toHaveCount(0);
    await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  });
}
