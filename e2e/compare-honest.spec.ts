/** Compare says when a moment it compares falls inside a day (month) whose changes the log knows only to the day, as the state does. */
import { compareMoments, expect, setMoment, test } from './fixtures';

test('a compared moment inside a day known only to the day says so, on screen and to a screen reader', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-19T12:00');
  const differences = await compareMoments(page, '2023-11-18T12:00', '2023-11-19T12:00');
  await expect(differences).toBeVisible();
  const dialog = page.getByRole('dialog', { name: 'Compare two moments' });
  const after = dialog.getByRole('region', { name: /^After: / });
  await expect(after).toContainText('changes on Sun 19 Nov 2023 known only to the day');
  await expect(after).toContainText('may or may not have happened');
  await expect(dialog.getByRole('region', { name: /^Before: / })).toContainText('1 change on Sat 18 Nov 2023 known only to the day');
  await expect(dialog.locator('[aria-live="polite"]')).toContainText(/After: \d+ changes? on Sun 19 Nov 2023 known only to the day/);
  // The differences themselves are read against that: they may or may not hold at that hour.
  await expect(dialog.getByText(/Some changes at these moments are known only to the day/)).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'What happened in between' })).toContainText('In between 1 event');
  await expect(dialog.getByRole('region', { name: 'What happened in between' })).not.toContainText('1 events');
});

test('what happened in between says a rumour or a report is one, and a corrected fact was corrected, as the events list does', async ({ app }) => {
  const { page } = app;
  await compareMoments(page, '2023-11-17T11:00', '2023-11-21T12:00');
  const between = page.getByRole('dialog', { name: 'Compare two moments' }).getByRole('region', { name: 'What happened in between' });
  const item = (text: string) => between.getByRole('listitem').filter({ hasText: text });
  await expect(item('Negotiation: Investors push the board')).toHaveCount(1);
  await expect(item('Negotiation: Investors push the board')).toContainText('rumoured');
  await expect(item('Negotiation: A new venture by Sam Altman')).toContainText('reported');
  await expect(item('490 signatories')).toContainText('corrected');
  // A confirmed fact is said plainly.
  await expect(item('Mira Murati became interim CEO')).not.toContainText(/reported|rumoured/);
});
