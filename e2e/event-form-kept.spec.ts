/** Escape or Cancel in Add event never throws away what was typed. */
import { expect, test } from './fixtures';

test('what was typed in Add event is there again after Escape, until it is recorded or started over', async ({ app }) => {
  const { page } = app;
  const open = async () => {
    await page.getByRole('button', { name: 'Add event' }).click();
    return page.getByRole('dialog', { name: 'Add an event' });
  };
  let form = await open();
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Dana Example');
  await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  form = await open();
  await expect(form.getByRole('status')).toHaveText(/What you typed before is back/);
  await expect(form.getByLabel('Kind of event')).toHaveValue('board.joined');
  await expect(form.getByRole('textbox', { name: 'Person', exact: true })).toHaveValue('Dana Example');
  await expect(form.getByLabel('Quoted sentence')).toHaveValue('Dana Example joined the board.');
  await form.getByRole('button', { name: 'Start over' }).click();
  await expect(form.getByRole('textbox', { name: 'Person', exact: true })).toHaveValue('');
  await expect(form.getByRole('status')).toHaveCount(0);

  // Typed again and recorded: the next form opens empty.
  await form.getByLabel('Kind of event').selectOption('board.joined');
  await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Dana Example');
  await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
  await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
  await form.getByRole('button', { name: 'Add event' }).click();
  await expect(form).toBeHidden();
  form = await open();
  await expect(form.getByRole('textbox', { name: 'Person', exact: true })).toHaveValue('');
  await expect(form.getByRole('status')).toHaveCount(0);
  await form.getByRole('button', { name: 'Cancel' }).click();
});
