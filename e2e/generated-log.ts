/**
 * A web host on a synthetic log (bench/generate.ts) and a browser page of its own, for the specs
 * that need a log larger than the starter one; everything is removed afterwards.
 */
import { expect, type BrowserType, type LaunchOptions, type Page, type Request } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLog } from '../bench/generate';
import { startWebHost, stopped } from './fixtures';

export interface GeneratedLog {
  /** A 1440x900 page, not yet navigated: a spec may add its init scripts first. */
  page: Page;
  /** The host's address, with its token. */
  url: string;
  path: string;
}

/** `changed`, if given, is done to the log file once it is generated, before the host starts. */
export async function onGeneratedLog(chromium: BrowserType, launchOptions: LaunchOptions, { events, companies, changed }: { events: number; companies: number; changed?: (path: string) => void }, use: (log: GeneratedLog) => Promise<void>): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'incumbent-e2e-generated-'));
  let host: ChildProcess | undefined;
  const browser = await chromium.launch(launchOptions);
  try {
    const path = join(work, 'generated.jsonl');
    await generateLog(path, events, companies);
    changed?.(path);
    const started = await startWebHost(join(work, 'data'), path);
    host = started.process;
    await use({ page: await browser.newPage({ viewport: { width: 1440, height: 900 } }), url: started.url, path });
  } finally {
    await browser.close();
    if (host) await stopped(host);
    rmSync(work, { recursive: true, force: true });
  }
}

/** Waits until the whole log is in: its title comes with the last page (before it, the load's status may not have appeared yet). */
export async function wholeLogLoaded(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Synthetic log', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Loading the log:' })).toHaveCount(0);
}

/** A company's event times in a generated log, from the file itself, in order. */
export const eventTimesIn = (path: string, company: string): number[] =>
  readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { subject?: string; time: string }).filter((record) => record.subject === company).map((record) => Date.parse(record.time)).sort((a, b) => a - b);

/** The first record a `log:read` request asks for. */
export const fromSeqOf = (request: Request): number => (JSON.parse(request.postData() ?? '{}') as { fromSeq: number }).fromSeq;

/** Holds the pages after the first until the returned function is called: what a test does first surely comes during the load. */
export async function holdPagesAfterTheFirst(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/log:read', async (route) => {
    if (fromSeqOf(route.request()) > 1) await released;
    await route.continue();
  });
  // Released, it lets every request through (a later hold's route is asked first).
  return release;
}
