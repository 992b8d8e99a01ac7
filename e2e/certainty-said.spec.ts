/**
 * A rumour or a report is never said as a fact: the "Last change" line, the sentence a screen
 * reader hears, the day's uncertain changes and the comparison's differences each say how sure
 * their source is, as the state's own rows do with a badge.
 */
import { compareMoments, expect, setMoment, test } from './fixtures';

test('the last change and the spoken sentence say when it is only rumoured or reported', async ({ app }) => {
  const { page } = app;
  // At noon on 19 Nov the last change is the rumour that investors pushed to reinstate Altman.
  await setMoment(page, '2023-11-19T12:00');
  const line = page.locator('.last-change-text');
  await expect(line).toContainText('Investors push the board to reinstate Sam Altman as CEO (rumoured)');
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Last change: Negotiation: Investors push the board to reinstate Sam Altman as CEO (rumoured).' })).toHaveCount(1);
  // The day's changes known only to the day say it too.
  await page.locator('summary', { hasText: 'known only to the day' }).click();
  await expect(page.locator('.uncertain li').first()).toContainText('Negotiation: Investors push the board to reinstate Sam Altman as CEO (rumoured) (counted below)');
  // At noon on 20 Nov it is Reuters' report of an approach to Dario Amodei.
  await setMoment(page, '2023-11-20T12:00');
  await expect(line).toContainText('Replace Sam Altman as CEO, and potentially merge OpenAI and Anthropic (reported)');
  // A confirmed fact is said plainly.
  await setMoment(page, '2023-11-17T12:30');
  await expect(line).toContainText('Greg Brockman left the board (removed) (5 changes)');
});

test('a comparison says which of its differences are only rumoured or reported', async ({ app }) => {
  const diff = await compareMoments(app.page, '2023-11-18T23:00', '2023-11-19T12:00');
  await expect(diff).toContainText('Opened negotiation: Investors push the board to reinstate Sam Altman as CEO (rumoured)');
});

test('a comparison says when an ending is only reported, although what it ended was confirmed', async ({ app }) => {
  const diff = await compareMoments(app.page, '2023-11-28T12:00', '2023-11-30T12:00');
  await expect(diff).toContainText('Tasha McCauley left the board (other) (reported)');
  await expect(diff).toContainText('Helen Toner left the board (resigned)');
  await expect(diff).not.toContainText('Helen Toner left the board (resigned) (');
});

test('the states a comparison sets side by side say which holders are only rumoured or reported, as the state does', async ({ app }) => {
  const citation = { document: 'A test gazette', quote: 'Word is that Dana Example took a seat.' };
  const event = (id: string, type: string, certainty: string, data: object) => JSON.stringify({ id, type, subject: 'openai', time: '2023-11-30T12:00:00-08:00', timezone: 'America/Los_Angeles', data: { certainty, citation, ...data } });
  const dana = { id: 'dana-example', name: 'Dana Example' };
  await app.importEvents(`${event('dana-board', 'board.joined', 'rumoured', { person: dana })}\n${event('dana-cfo', 'role.assumed', 'reported', { person: dana, role: 'CFO', interim: false, acting: false })}\n`);
  await expect(app.page.getByRole('status')).toContainText('Imported 2 events');
  await compareMoments(app.page, '2023-11-30T11:00', '2023-11-30T13:00');
  const after = app.page.getByRole('dialog', { name: 'Compare two moments' }).getByRole('region', { name: /^After: / });
  await expect(after.getByRole('listitem').filter({ hasText: 'Dana Example' })).toContainText('rumoured');
  await expect(after.getByRole('definition').filter({ hasText: 'Dana Example' })).toContainText('reported');
  // Confirmed holders are said plainly.
  await expect(after.getByRole('listitem').filter({ hasText: "Adam D'Angelo" })).not.toContainText(/rumoured|reported/);
});

test('the figures chart says how sure each value it shows is, as the list of figures beside it does', async ({ app }) => {
  const { page } = app;
  // By noon on 21 Nov the staff letter is reported at 700 signatories and the workforce at 770.
  await setMoment(page, '2023-11-21T12:00');
  const figures = page.getByRole('region', { name: 'Open items and figures' });
  await expect(figures.locator('.figures-legend')).toContainText('Staff letter to the board: 700 reported');
  await expect(figures.locator('.figures-legend')).toContainText('Workforce: 770 reported');
  await expect(figures.getByRole('img', { name: /^Figures up to this moment: / })).toHaveAccessibleName(/Staff letter to the board 700 \(reported\)/);
});
