/**
 * Events imported while a large log still loads in the page are recorded once, and said to be,
 * with their record numbers: the page takes the records it has not loaded yet through its load, not
 * in one read larger than `log:read` allows (which reported an event added by the form as failed
 * after it had been recorded, e2e/append-while-opening.spec.ts). An import refused meanwhile names
 * the event, its field and the problem, and leaves the log as it was.
 *
 * Web mode only (the chromium project): it starts a web host on a generated log and holds its HTTP
 * reads; the desktop imports through its main process and the page takes the records the same way.
 */
import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HEAVY_COMPANY } from '../bench/generate';
import { holdPagesAfterTheFirst, onGeneratedLog, wholeLogLoaded } from './generated-log';
import { importInWebMode } from './fixtures';

/**
 * Held after its first page (500 records), the page lacks more of the log than one `log:read` gives
 * (50,000): a page that read them all at once, as the form's append once did, fails.
 * Below about 50,500 records none would (and below 20,500 the page reads them at once, rightly).
 */
const EVENTS = 60_000;

/** The log file's bytes, as a digest: `toEqual` on two 43 MB buffers compares them a byte at a time, for minutes. */
const digestOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const PEOPLE = ['Dana Example', 'Eli Example', 'Fay Example'];

/** A board.joined event for `name` in the generated log's largest company, after the log's last event. */
const joined = (name: string, time = '2002-01-01T12:00:00Z') => {
  const id = name.toLowerCase().replace(' ', '-');
  return JSON.stringify({ id: `imported-${id}`, type: 'board.joined', subject: HEAVY_COMPANY, time, timezone: 'UTC', data: { certainty: 'confirmed', citation: { document: 'A test gazette, 1 January 2002', quote: `${name} joined the board.` }, person: { id, name } } });
};

/** Writes `text` to `path` and imports it through the page's menu; done once the host has answered. */
async function importFile(page: Page, path: string, text: string): Promise<void> {
  writeFileSync(path, text);
  await importInWebMode(page, path);
}

test('events imported while the log loads are recorded once, said to be with their numbers, and shown once it has loaded; a refused import leaves the log as it was', async ({ playwright, launchOptions }, testInfo) => {
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it starts a web host on a generated log and holds its HTTP reads');
  test.setTimeout(120_000);
  await onGeneratedLog(playwright.chromium, launchOptions, { events: EVENTS, companies: 20 }, async ({ page, url, path }) => {
    // Every message the status line shows, kept: one shown and gone between two looks is still seen.
    await page.addInitScript(() => {
      const said: { text: string; error: boolean }[] = [];
      (globalThis as { said?: typeof said }).said = said;
      new MutationObserver((changes) => {
        for (const change of changes)
          for (const node of change.addedNodes)
            if (node instanceof HTMLElement && node.matches('.status-area .status')) said.push({ text: node.querySelector('span')?.textContent ?? '', error: node.classList.contains('error') });
      }).observe(document, { subtree: true, childList: true });
    });
    const said = () => page.evaluate(() => (globalThis as { said?: { text: string; error: boolean }[] }).said!);
    const loading = page.getByRole('status').filter({ hasText: /Loading the log:|Opening the log/ });
    /** Opens the page anew with the pages after the first held, until its first state can be acted on; returns the release. */
    const openHeld = async () => {
      const release = await holdPagesAfterTheFirst(page);
      await page.goto('about:blank');
      await page.goto(url);
      await expect(page.getByRole('button', { name: 'Add event' })).toBeEnabled({ timeout: 30_000 });
      await expect(loading).toBeVisible();
      return release;
    };

    // A batch, imported while most of the log is still to load.
    let release = await openHeld();
    await importFile(page, join(dirname(path), 'batch.jsonl'), PEOPLE.map((name) => `${joined(name)}\n`).join(''));
    const status = page.getByRole('status').filter({ hasText: 'Imported' });
    await expect(status).toContainText(`Imported 3 events, recorded as #${EVENTS + 1} to #${EVENTS + 3}`);
    await expect(loading).toBeVisible();
    release();
    await wholeLogLoaded(page);

    // In the log once each, as the records the page named.
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(EVENTS + 3);
    for (const [i, name] of PEOPLE.entries()) {
      const records = lines.filter((line) => line.includes(`"quote":"${name} joined the board."`));
      expect(records).toHaveLength(1);
      expect(JSON.parse(records[0]!)).toMatchObject({ seq: EVENTS + 1 + i, subject: HEAVY_COMPANY });
    }
    // And in the page once each, with the rest of the log.
    await page.getByRole('combobox', { name: 'Company' }).selectOption(HEAVY_COMPANY);
    const events = page.getByRole('region', { name: 'Events' });
    await events.getByLabel('Filter events by person, party, organisation or text').fill('Example');
    await expect(events.getByRole('heading', { name: /^Events/ })).toHaveText(/^Events 3 of [\d,]+$/);
    for (const name of PEOPLE) await expect(events.getByRole('listitem').filter({ hasText: `${name} joined the board.` })).toHaveCount(1);
    expect((await said()).filter((message) => message.error)).toEqual([]);

    // A batch with one invalid event, while the log loads again: refused whole, naming the event's field and the problem.
    const before = digestOf(path);
    release = await openHeld();
    await importFile(page, join(dirname(path), 'invalid.jsonl'), `${joined('Gil Example')}\n${joined('Hal Example', 'Wednesday')}\n`);
    await expect(page.getByRole('alert')).toContainText('event 2.time: must be an RFC 3339 date-time');
    await expect(loading).toBeVisible();
    expect(digestOf(path)).toBe(before);
    release();
    await wholeLogLoaded(page);
    expect(digestOf(path)).toBe(before);
  });
});
