/**
 * Workforce and petition figures are facts like the others: the panel says how sure their source
 * is, when it gave them (to the day, as the source does), and opens the source on request.
 */
import { expect, setMoment, test } from './fixtures';

test('the workforce and petition figures name their certainty, their date and their source', async ({ app }) => {
  const { page } = app;
  const figures = page.getByRole('region', { name: 'Open items and figures' });
  await setMoment(page, '2023-11-21T12:00');
  const workforce = figures.getByRole('listitem').filter({ hasText: 'Workforce: 770' });
  await expect(workforce).toContainText('reported');
  await expect(workforce).toContainText('as of Mon 20 Nov 2023');
  const petition = figures.getByRole('listitem').filter({ hasText: 'Staff letter to the board: 700 signatories (91% of the workforce)' });
  await expect(petition).toContainText('reported');
  await expect(petition).toContainText('as of Mon 20 Nov 2023');
  await petition.getByRole('button', { name: 'Source for Staff letter to the board: 700 signatories, as of Mon 20 Nov 2023' }).click();
  await expect(page.getByRole('dialog')).toContainText('over 700 of around 770');
});
