/**
 * An event added while a large log still opens (and loads) is recorded once, and the page says so:
 * the host waits to append until the log is open, and the page then takes the records it had not
 * loaded yet in pages, not in one read larger than `log:read` allows (which failed the form after
 * the append had been recorded: a user told it failed would add it again).
 *
 * Web mode only (the chromium project): it starts a web host on a generated log.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { onGeneratedLog, wholeLogLoaded } from './generated-log';

const EVENTS = 300_000;

test('an event added while the log opens is recorded once, and said to be', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log');
  // Timing is not what it checks: a loaded machine (two test workers, a CI) can take twice as long as an idle one.
  test.setTimeout(300_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 20 }, async ({ page, url, path }) => {
    await page.goto(url);
    await expect(page.getByRole('status').filter({ hasText: 'Shown meanwhile' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Add event' }).click();
    const form = page.getByRole('dialog', { name: 'Add an event' });
    await form.getByLabel('Kind of event').selectOption('board.joined');
    await form.getByRole('textbox', { name: 'Person', exact: true }).fill('Dana Example');
    await form.getByLabel('Document').fill('A test gazette, 22 November 2023');
    await form.getByLabel('Quoted sentence').fill('Dana Example joined the board.');
    await form.getByRole('button', { name: 'Add event' }).click();

    await expect(page.getByText(`Recorded event #${EVENTS + 1}`)).toBeAttached({ timeout: 150_000 });
    await expect(form).toBeHidden();
    await wholeLogLoaded(page);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(EVENTS + 1);
    expect(lines.filter((line) => line.includes('Dana Example joined the board.'))).toHaveLength(1);
  });
});
