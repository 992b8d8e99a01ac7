/**
 * When the host's log is replaced by another (the desktop's File > Open; in the web mode, a host
 * whose log is now shorter than the page's), nothing of the old log stays on screen while the new
 * one loads: no title, company, state or events of it, and nothing that would act on it.
 *
 * Web mode only (the chromium project): two web hosts, and the page's calls moved from the first
 * to the second by routing; the desktop window reloads through the same hook (`useLog.reload`).
 */
import { expect, test, type Route } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, stopped } from './fixtures';
import { onGeneratedLog, wholeLogLoaded } from './generated-log';

test('a log replaced at the host leaves nothing of the old one on screen while the new one loads', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it moves the page between two web hosts by routing its HTTP calls; the desktop reloads through the same hook (useLog.reload)');
  test.setTimeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'incumbent-e2e-another-'));
  const other = await startWebHost(join(work, 'data'));
  try {
    await onGeneratedLog(playwright.chromium, launchOptions, { events: 3_000, companies: 2 }, async ({ page, url }) => {
      const otherUrl = new URL(other.url);
      const otherToken = /token=([\w-]+)/.exec(otherUrl.hash)![1]!;
      let replace!: () => void;
      const replaced = new Promise<void>((resolve) => (replace = resolve));
      let releaseReads!: () => void;
      const readsReleased = new Promise<void>((resolve) => (releaseReads = resolve));
      let summaryAsked!: () => void;
      const summaryOfTheNewLog = new Promise<void>((resolve) => (summaryAsked = resolve));
      let isReplaced = false;
      void replaced.then(() => (isReplaced = true));
      /** The call, answered by the other host as if it were this one. */
      const toTheOther = async (route: Route) => {
        const request = route.request();
        try {
          const response = await route.fetch({ url: `${otherUrl.origin}${new URL(request.url()).pathname}`, headers: { ...request.headers(), authorization: `Bearer ${otherToken}`, origin: otherUrl.origin } });
          await route.fulfill({ response });
        } catch (error) {
          // The page's last wait for new records is still open when the test closes it.
          if (!page.isClosed()) throw error;
        }
      };
      await page.route('**/api/**', async (route) => {
        const name = new URL(route.request().url()).pathname;
        // The page's wait for new records is answered by the other host once the log is replaced: its head is below the page's.
        if (!isReplaced && name.endsWith('/log:changes')) await replaced;
        if (!isReplaced) return route.continue();
        if (name.endsWith('/log:summary')) summaryAsked();
        if (name.endsWith('/log:read')) await readsReleased;
        return toTheOther(route);
      });

      await page.goto(url);
      await wholeLogLoaded(page);
      // The synthetic log's people are "Person 1", "Person 2"...
      await expect(page.locator('.state')).toContainText(/Person \d+/);
      // And a screen reader has been told of it (a sentence spoken once the state settles).
      await expect(page.locator('.sr-only[aria-live]').filter({ hasText: /Person \d+/ })).toHaveCount(1);
      const input = page.getByLabel(/^Moment \(/);
      await input.focus();
      replace();
      await summaryOfTheNewLog;

      // The new log's records are held: the page is between the two logs.
      await expect(page.getByRole('heading', { level: 1 })).not.toContainText('Synthetic log');
      await expect(page.getByText(/Person \d+/)).toHaveCount(0);
      await expect(page.locator('.state')).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Add event' })).toBeDisabled();
      // The moment field is unavailable and empty, and keeps the reader's focus (a disabled field would drop it).
      await expect(input).toBeDisabled();
      await expect(input).toHaveValue('');
      await expect(input).toBeFocused();

      releaseReads();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('OpenAI');
      await expect(page.locator('.state')).toContainText('Sam Altman');
      await expect(input).toBeEnabled();
      await expect(input).toBeFocused();
      await expect(input).toHaveAccessibleName('Moment (America/Los_Angeles)');
    });
  } finally {
    await stopped(other.process);
    rmSync(work, { recursive: true, force: true });
  }
});
