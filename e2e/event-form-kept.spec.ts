/** Escape or Cancel in Add event never throws away what was typed. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ACME } from './second-company';

const openForm = async (page: Page) => {
  await page.getByRole('button', { name: 'Add event' }).click();
  return page.getByRole('dialog', { name: 'Add an event' });
};
const person = (form: Locator) => form.getByRole('textbox', { name: 'Person', exact: true });
/** Begins a board.joined for Dana Example. */
const typeDana = async (form: Locator) => {
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await person(form).fill('Dana Example');
};

test('what was typed in Add event is there again after Escape, until it is recorded or started over', async ({ app }) => {
  const { page } = app;
  let form = await openForm(page);
  await typeDana(form);
  await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  form = await openForm(page);
  await expect(form.getByRole('status')).toHaveText(/What you typed before is back/);
  await expect(form.getByLabel('Kind of event')).toHaveValue('board.joined');
  await expect(person(form)).toHaveValue('Dana Example');
  await expect(form.getByLabel('Quoted sentence')).toHaveValue('Dana Example joined the board.');
  await form.getByRole('button', { name: 'Start over' }).click();
  await expect(person(form)).toHaveValue('');
  await expect(form.getByRole('status')).toHaveCount(0);

  // Typed again and recorded: the next form opens empty.
  await typeDana(form);
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form).toBeHidden();
  form = await openForm(page);
  await expect(person(form)).toHaveValue('');
  await expect(form.getByRole('status')).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
});

test('a draft kept for one company is not brought back in another\'s Add event, where it would be recorded of that company', async ({ app }) => {
  const { page } = app;
  await app.importEvents(`${ACME}\n`);
  await page.reload();
  const picker = page.getByRole('combobox', { name: 'Company', exact: true });
  await picker.selectOption('openai');
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  let form = await openForm(page);
  await typeDana(form);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  await picker.selectOption('acme');
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  form = await openForm(page);
  await expect(person(form)).toHaveValue('');
  await expect(form.getByRole('status')).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();

  // Back in the company it was typed for, it is there again.
  await picker.selectOption('openai');
  await expect(page.locator('.state')).toHaveAttribute('aria-busy', 'false');
  form = await openForm(page);
  await expect(form.getByRole('status')).toHaveText(/What you typed before is back/);
  await expect(person(form)).toHaveValue('Dana Example');
});
