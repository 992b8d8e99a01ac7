/**
 * The web mode's theme picker shows its choice whole: at 6.5em wide, "System theme" read "System th"
 * at every window size. The text the closed select shows must fit inside it, beside its arrow (its
 * name, "Theme", says what the choice is of).
 */
import { expect, test } from './fixtures';

for (const [width, height] of [[800, 600], [1440, 900]] as const) {
  test(`the theme picker shows its choice whole at ${width}x${height}`, async ({ app }) => {
    test.skip(app.mode !== 'web', 'the theme picker is the web mode\'s');
    const { page } = app;
    await page.setViewportSize({ width, height });
    const picker = page.getByRole('combobox', { name: 'Theme' });
    await expect(picker).toHaveValue('system');
    const room = await picker.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const probe = document.createElement('span');
      probe.textContent = select.selectedOptions[0]!.textContent;
      probe.style.font = style.font;
      probe.style.whiteSpace = 'pre';
      document.body.append(probe);
      const text = probe.getBoundingClientRect().width;
      probe.remove();
      const inner = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // Chromium draws the arrow inside the padding box, about one em wide.
      return inner - parseFloat(style.fontSize) - text;
    });
    expect(room).toBeGreaterThanOrEqual(0);
  });
}
