/**
 * The event in effect at the moment is marked current where a screen reader says it: on the row's
 * button, which takes the focus, not on the list item around it (which is never focused and whose
 * state is not read when the button is).
 */
import { expect, setMoment, test } from './fixtures';

test('the current event is said to be current on its row button, and the mark follows the moment', async ({ app }) => {
  const { page } = app;
  const events = page.getByRole('region', { name: 'Events' });
  const marked = events.locator('[aria-current]');
  const currentRow = events.locator('.event.current .event-main');
  await expect(currentRow).toHaveCount(1);
  // One mark, on the button that is focused, never on the list item.
  await expect(marked).toHaveCount(1);
  await expect(currentRow).toHaveAttribute('aria-current', 'true');
  await expect(events.getByRole('listitem').and(events.locator('[aria-current]'))).toHaveCount(0);
  await currentRow.focus();
  await expect(page.locator(':focus')).toHaveAttribute('aria-current', 'true');
  // Its neighbours are not current.
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(':focus')).not.toHaveAttribute('aria-current', /.*/);

  // Another moment: the mark moves with the current event.
  const before = await currentRow.textContent();
  await setMoment(page, '2023-11-18 12:00');
  await expect(currentRow).not.toHaveText(before!);
  await expect(marked).toHaveCount(1);
  await expect(currentRow).toHaveAttribute('aria-current', 'true');
});
