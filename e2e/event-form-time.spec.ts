/**
 * The time in Add event: for a fact known only to the day, month or year, the field says what its
 * finer parts are for (ordering the fact among its period's), and text it cannot read is never
 * recorded as the last moment it could.
 */
import { readFileSync } from 'node:fs';
import { expect, setMoment, test } from './fixtures';

const openForm = async (page: import('@playwright/test').Page) => {
  await setMoment(page, '2023-11-20T23:00');
  await page.getByRole('button', { name: 'Add event' }).click();
  const form = page.getByRole('dialog', { name: 'Add an event' });
  return { form, when: form.getByLabel(/^When it happened/) };
};

const fillBoardJoined = async (form: import('@playwright/test').Locator) => {
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Dana Example');
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
};

test('a fact known only to the day keeps its hour, and the field says the hour only orders it', async ({ app }) => {
  const { page } = app;
  const { form, when } = await openForm(page);
  const precision = form.getByLabel('Known to the');
  await expect(precision).toHaveValue('day');
  await expect(when).toHaveValue('2023-11-20 23:00');
  await expect(when).toHaveAccessibleDescription('Known only to the day: its hour orders it among that day’s events, and is never shown.');
  await precision.selectOption('month');
  await expect(when).toHaveAccessibleDescription(/^Known only to the month: its day and hour order it/);
  await precision.selectOption('minute');
  await expect(when).not.toHaveAccessibleDescription(/Known only/);
  await precision.selectOption('day');
  await fillBoardJoined(form);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form).toBeHidden();
  const written = JSON.parse(readFileSync(app.logPath, 'utf8').trimEnd().split('\n').at(-1)!) as object;
  expect(written).toMatchObject({ type: 'board.joined', time: '2023-11-20T23:00:00-08:00', timeprecision: 'day' });
});

test('a time that cannot be read keeps the event from being recorded as the last one read, and says why in its field', async ({ app }) => {
  const { page } = app;
  const before = readFileSync(app.logPath, 'utf8');
  const { form, when } = await openForm(page);
  await when.fill('2023-11-19 10:00');
  await when.fill('2023-11-19 1'); // half retyped
  await fillBoardJoined(form);
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(when).toHaveAttribute('aria-invalid', 'true');
  await expect(when).toHaveAccessibleDescription(/^Not a moment: type it as YYYY-MM-DD HH:MM/);
  await expect(form).toBeVisible();
  expect(readFileSync(app.logPath, 'utf8')).toBe(before);
  // Typed whole, it is recorded.
  await when.fill('2023-11-19 10:00');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form).toBeHidden();
  expect(JSON.parse(readFileSync(app.logPath, 'utf8').trimEnd().split('\n').at(-1)!)).toMatchObject({ time: '2023-11-19T10:00:00-08:00' });
});
