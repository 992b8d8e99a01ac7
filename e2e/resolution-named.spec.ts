/** A resolution names the item it settles by what opened it ("Jobs at Microsoft for …"), not by the item's id, in the list and in its search. */
import { expect, test } from './fixtures';

test('a resolution in the events list is named, and found, by the summary its item was opened with', async ({ app }) => {
  const events = app.page.getByRole('region', { name: 'Events' });
  await events.getByLabel(/^Filter events by person/).fill('researchers and other workers');
  // Resolutions only: this one says nothing of researchers itself; its item's name does.
  await events.getByLabel('Filter events by kind').selectOption('pending');
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await expect(events.getByRole('listitem')).toContainText('Resolved “Jobs at Microsoft for OpenAI researchers and other workers” (lapsed): OpenAI lost no employee');
});
