/**
 * A log is shared, so its content is untrusted: a record written outside the app (or under older
 * content rules) may hold control and bidi-override characters. The seat history's exported SVG
 * must still be well-formed XML, and no name may reorder what the page shows.
 */
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, stopped } from './fixtures';

const sha256 = (line: string) => createHash('sha256').update(line).digest('hex');

/** A log sealed by hand, past the content rules every writer applies: its title, its company's name and its third record. */
function hostileLog(dir: string): string {
  const at = '2024-03-01T09:30:00Z';
  const citation = { document: 'Doc', quote: 'Q' };
  const base = { specversion: '1.0', source: 'urn:incumbent:user', subject: 'acme', timeprecision: 'minute', timezone: 'UTC', recordedtime: at, datacontenttype: 'application/json' };
  const records = [
    { ...base, id: 'log', type: 'log.created', subject: undefined, source: 'urn:incumbent:app', time: at, data: { title: 'Acme \u202eeltit', company: { id: 'acme', name: 'Acme\u0003' } } },
    { ...base, id: 'ann', type: 'role.assumed', time: at, data: { citation, certainty: 'confirmed', person: { id: 'ann', name: 'Ann Lee' }, role: 'CEO', interim: false, acting: false } },
    { ...base, id: 'bob', type: 'role.assumed', time: '2024-03-02T09:30:00Z', data: { citation, certainty: 'confirmed', person: { id: 'bob', name: 'Bob\u0001 \u202eeeL nnA' }, role: 'CFO\u0002', interim: false, acting: false } },
  ];
  const lines: string[] = [];
  records.forEach((record, i) => lines.push(JSON.stringify({ ...record, seq: i + 1, prevhash: i === 0 ? '0'.repeat(64) : sha256(lines[i - 1]!) })));
  const path = join(dir, 'hostile.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

test('a title or a name with control and bidi-override characters neither breaks the SVG export nor reorders the page', async ({ playwright, launchOptions }, testInfo) => {
  // Skipped before any browser starts: the electron project has none.
  test.skip(testInfo.project.metadata.electron === true, 'web mode only: it reads the downloaded file');
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-e2e-hostile-'));
  const host = await startWebHost(join(dir, 'data'), hostileLog(dir));
  const browser = await playwright.chromium.launch(launchOptions);
  try {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'Seat history' }).click();
    const view = page.getByRole('region', { name: 'Seat history' });
    await expect(view.locator('.seat-svg svg')).toBeVisible();
    const download = page.waitForEvent('download');
    await view.getByRole('button', { name: 'Export SVG' }).click();
    const svg = readFileSync((await (await download).path())!, 'utf8');
    const error = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? '', svg);
    expect(error).toBe('');
    const shown = await page.locator('body').innerText();
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(shown).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000-\u0008]/);
  } finally {
    await browser.close();
    await stopped(host.process);
    rmSync(dir, { recursive: true, force: true });
  }
});
