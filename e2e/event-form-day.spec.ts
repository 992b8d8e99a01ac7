/**
 * Add event writes what the user knows: a fact known only to the day (the form's default), the
 * month or the year is written at the start of that period, as the built-in log's are, and its
 * field shows the day alone, never an hour no one gave.
 */
import { readFileSync } from 'node:fs';
import { expect, setMoment, test } from './fixtures';

test('a fact known only to the day is written at the start of its day, its field showing no hour', async ({ app }) => {
  const { page } = app;
  await setMoment(page, '2023-11-20T23:00');
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  const when = form.getByLabel(/^When it happened/);
  const precision = form.getByLabel('Known to the');
  await expect(precision).toHaveValue('day');
  await expect(when).toHaveValue('2023-11-20');
  await expect(when).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  // Known to the minute, the moment's hour is the field's again; to the month, its first day.
  await precision.selectOption('minute');
  await expect(when).toHaveValue('2023-11-20 23:00');
  await precision.selectOption('month');
  await expect(when).toHaveValue('2023-11-01');
  // A day typed while known to the month is the month's start once the field is left.
  await when.fill('2023-11-19');
  await when.blur();
  await expect(when).toHaveValue('2023-11-01');
  await precision.selectOption('day');
  await when.fill('2023-11-19');
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Dana Example');
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form).toBeHidden();
  await expect.poll(() => readFileSync(app.logPath, 'utf8')).toContain('Dana Example');
  const written = readFileSync(app.logPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; time: string; timeprecision: string }).at(-1)!;
  expect(written).toMatchObject({ type: 'board.joined', time: '2023-11-19T00:00:00-08:00', timeprecision: 'day' });
});
