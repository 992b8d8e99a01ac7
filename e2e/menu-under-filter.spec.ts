/**
 * A row's menu opened while the filter typed a moment before is still being applied stays open. The
 * list the filter renumbered was drawn from the scroll position the focused row had held in the
 * longer list, past the shorter list's end: it drew none of its rows, and the row, its menu and the
 * focus went with them. The worker's answers are held so that the filter lands after the menu opens,
 * as it did on a loaded machine.
 */
import { expect, setMoment, test } from './fixtures';
import { holdableAnswers } from './held-answers';

// A director with one event, late in the list: filtered to her, the list is one row long.
const ONE_EVENT = JSON.stringify({
  id: 'one-director', subject: 'openai', time: '2023-11-24T10:00:00-08:00', timeprecision: 'minute', timezone: 'America/Los_Angeles', type: 'board.joined',
  data: { certainty: 'confirmed', citation: { document: 'A test gazette, 24 November 2023', quote: 'Jane Example joined the board.' }, person: { id: 'jane-example', name: 'Jane Example' }, independent: true },
});

test('a row menu opened as a filter applies stays open on its row', async ({ app }) => {
  const { page } = app;
  await app.importEvents(ONE_EVENT);
  const answers = await holdableAnswers(page);
  await page.reload();
  await setMoment(page, '2023-11-25T12:00');
  const events = page.getByRole('region', { name: 'Events' });
  const row = events.getByRole('listitem').filter({ hasText: 'Jane Example' });
  const actions = row.getByRole('button', { name: /^Actions for: / });
  await expect(actions).toBeVisible();
  await answers.hold();
  await events.getByLabel(/^Filter events by person/).fill('Jane Example');
  await actions.click();
  await expect(page.getByRole('menuitem', { name: 'Go to this moment' })).toBeFocused();
  await answers.release();
  // The filter has applied (her one event alone in the list), and the menu is still open, with the focus in it.
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await expect(actions).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('menuitem', { name: 'Go to this moment' })).toBeFocused();
});
