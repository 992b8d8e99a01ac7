/**
 * While the host opens a large log, the window shows the records it has read and chained so far
 * (e2e/opening.spec.ts). If the log then fails to open (here a record near its end was changed),
 * none of them stays on screen: the window says why the log could not be opened.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log; the desktop
 * window loads through the same hook (`useLog`) from the same session (session-early-records.test.ts).
 */
import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { onGeneratedLog } from './generated-log';

/** Large enough (216 MB) that reading it takes the host seconds, longer than the page takes to show its first records. */
const EVENTS = 300_000;

/** Changes one byte of the record before the last: the chain breaks there, after everything before it was served. */
function damageNearTheEnd(path: string): void {
  const bytes = readFileSync(path);
  const lastButOne = bytes.lastIndexOf('\n', bytes.lastIndexOf('\n', bytes.length - 2) - 1) + 1;
  const at = bytes.indexOf('"seq":', lastButOne);
  bytes[at + 1] = 'S'.charCodeAt(0);
  writeFileSync(path, bytes);
}

test('records shown while a log opens are dropped when it then fails to open, and the window says why', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log; the desktop window loads through the same hook from the same session');
  test.setTimeout(180_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 20, changed: damageNearTheEnd }, async ({ page, url }) => {
    await page.goto(url);
    const slider = page.getByRole('slider', { name: 'Moment' });
    await expect(page.getByRole('status').filter({ hasText: 'Shown meanwhile: its first' })).toBeVisible({ timeout: 30_000 });
    await expect(slider).toBeVisible();

    const failure = page.getByRole('alert').filter({ hasText: 'The log could not be opened' });
    await expect(failure).toBeVisible({ timeout: 60_000 });
    await expect(failure).toContainText(`line ${EVENTS - 1}`);
    await expect(slider).toHaveCount(0);
    await expect(page.locator('.state')).toHaveCount(0);
  });
});
