/**
 * The names the page gives its exports come from the log's title. The page made its own slug of it
 * (`\W+` to hyphens, no fallback), so a title with no ASCII letter or digit, "日本の会社", named the
 * exported log ".jsonl" (a hidden file, or none at all) and the snapshot "-20240301-….snapshot.json";
 * the host names the same snapshot "log-…" (`snapshot:build`). Found exporting from such a log.
 */
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, stopped } from './fixtures';

test('a log titled without a Latin letter or digit exports as log.jsonl', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: the desktop names its exports in the main process');
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-e2e-names-'));
  const log = join(dir, 'kaisha.jsonl');
  execFileSync(process.execPath, ['bin/incumbent.js', 'init', '--log', log, '--title', '日本の会社', '--company', 'nihon']);
  const host = await startWebHost(join(dir, 'data'), log);
  const browser = await playwright.chromium.launch(launchOptions);
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(host.url);
    const more = page.getByRole('button', { name: 'More actions' });
    await expect(more).toBeEnabled();
    const events = page.waitForEvent('download');
    await more.click();
    await page.getByRole('menuitem', { name: 'Export log' }).click();
    expect((await events).suggestedFilename()).toBe('log.jsonl');
  } finally {
    await browser.close();
    await stopped(host.process);
    rmSync(dir, { recursive: true, force: true });
  }
});
