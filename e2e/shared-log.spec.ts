/**
 * A newsroom's shared log: two web-mode hosts (two people's apps) open the same log in a throwaway
 * PostgreSQL cluster. What one adds reaches the other's page within a second, without moving the
 * moment the other person is looking at, and the other page says that events arrived.
 *
 * Web mode only (the chromium project): the desktop app opens the same store through the same
 * service. Where PostgreSQL cannot start here, the spec is skipped and says why.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterForTests, type Cluster } from '../src/store/postgres/cluster.test-support';
import { copyLog } from '../src/store/copy-log';
import { addDirectorThroughForm, startWebHost, stopped } from './fixtures';

const ROOT = join(import.meta.dirname, '..');

let cluster: Cluster | undefined;
let skipped: string | undefined;
let url = '';
let work = '';

test.describe('a shared log in PostgreSQL', () => {
  // Playwright reads the fixtures a hook needs from its first parameter's pattern: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  test.beforeAll(async ({}, testInfo) => {
    if (testInfo.project.metadata.electron === true) return;
    testInfo.setTimeout(180_000);
    ({ cluster, skipped } = await clusterForTests());
    if (skipped) {
      console.log(`\n[e2e] SKIPPED shared-log.spec.ts: ${skipped}\n`);
      return;
    }
    // A copy of the built-in dataset, so data/ is never opened by the test (opening takes a lock beside it).
    work = mkdtempSync(join(tmpdir(), 'incumbent-e2e-pg-'));
    const source = join(work, 'openai.jsonl');
    copyFileSync(join(ROOT, 'data', 'openai-2023-11.jsonl'), source);
    copyFileSync(join(ROOT, 'data', 'openai-2023-11.jsonl.head'), `${source}.head`);
    url = cluster!.url('newsroom');
    await copyLog(source, url);
  });

  test.afterAll(() => {
    cluster?.destroy();
    cluster = undefined;
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test('an event added in one app appears in the other within a second; its moment stays', async ({ playwright, launchOptions }, testInfo) => {
    test.skip(testInfo.project.metadata.electron === true, 'web mode only: it runs two web hosts on one PostgreSQL log; the desktop opening of a shared log is tested in src/service/shared-logs.test.ts');
    test.skip(skipped !== undefined, skipped);
    // Two hosts each open and verify the log, and two pages replay it: slow on a loaded machine.
    test.setTimeout(150_000);
    const hosts: ChildProcess[] = [];
    let browser: Browser | undefined;
    try {
      const open = async (name: string): Promise<Page> => {
        const host = await startWebHost(mkdtempSync(join(work, `${name}-`)), url);
        hosts.push(host.process);
        const page = await (await browser!.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
        await page.goto(host.url);
        await page.waitForSelector('.scrubber-track');
        return page;
      };
      browser = await playwright.chromium.launch(launchOptions);
      const writer = await open('writer');
      const reader = await open('reader');

      // The reader looks at a moment of its own choosing (not the log's end); it must stay there.
      const moment = (page: Page) => page.getByLabel(/^Moment \(/);
      const slider = (page: Page) => page.getByRole('slider', { name: 'Moment' });
      const board = (page: Page) => page.getByRole('region', { name: 'Board' });
      await moment(reader).fill('2023-11-22T12:00');
      await expect(board(reader)).not.toContainText('Dana Example');
      const readerAt = await slider(reader).getAttribute('aria-valuetext');
      expect(readerAt).toBeTruthy();

      await moment(writer).fill('2023-11-22T12:00');
      // A fictional director, in the test's own database; returns once the append has committed.
      await addDirectorThroughForm(writer, 'Dana Example');
      const committed = Date.now();

      // The other app has it within a second (NOTIFY, catch-up, long poll, replay worker)...
      await expect(board(reader)).toContainText('Dana Example', { timeout: 1_000 });
      const seenAfter = Date.now() - committed;
      console.log(`[e2e] shared log: the other page showed the new event ${seenAfter} ms after the append committed`);
      expect(seenAfter).toBeLessThanOrEqual(1_000);
      await expect(board(writer)).toContainText('Dana Example');
      // ...at the moment its user left it, and says events arrived from another writer.
      await expect(slider(reader)).toHaveAttribute('aria-valuetext', readerAt!);
      await expect(moment(reader)).toHaveValue('2023-11-22T12:00');
      const notice = reader.getByRole('status').filter({ hasText: 'arrived from another writer' });
      await expect(notice).toContainText('1 new event arrived');
      // The writer's own append is not an arrival.
      await expect(writer.getByText('arrived from another writer')).toHaveCount(0);
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect(notice).toBeHidden();
    } finally {
      await browser?.close();
      await Promise.all(hosts.map(stopped));
    }
  });
});
