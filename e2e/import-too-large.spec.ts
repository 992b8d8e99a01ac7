/**
 * The web page refuses an import file larger than `log:import` can take before reading it: a
 * 1 GB file was read whole into the page, then refused by the host. The desktop reads the file in
 * its main process, with the same limit (src/main/desktop-import.test.ts).
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_IMPORT_CHARS } from '../src/core/contract';
import { expect, test } from './fixtures';

test('an import file larger than an import takes is refused in the page, with what to do instead, and nothing is sent', async ({ app }) => {
  test.skip(app.mode === 'desktop', 'web mode only: the desktop reads the file in its main process (src/main/desktop-import.test.ts)');
  const { page } = app;
  await expect(page.getByRole('slider', { name: 'Moment' })).toBeVisible();
  // Sparse: the size of a file too large, without its bytes on disk. UTF-8 takes at most 3 bytes a character.
  const file = join(app.dataDir, 'too-large.jsonl');
  writeFileSync(file, '');
  truncateSync(file, 3 * MAX_IMPORT_CHARS + 1);
  const sent: string[] = [];
  page.on('request', (request) => void (request.url().endsWith('/api/log:import') && sent.push(request.url())));

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Import events…' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByText('too-large.jsonl: is larger than an import takes (64 Mi characters): append it with `incumbent append --log LOG FILE`')).toBeVisible();
  expect(sent).toEqual([]);
});
