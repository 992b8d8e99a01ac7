import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { parseArgs } from '../core/contract';
import { openService } from './service';

it('bookmarks are kept beside the log, replaced whole, named once, and validated where they cross a boundary', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-')), 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  const bytes = readFileSync(path);
  const service = await openService(path, { appVersion: 'test' });
  try {
    expect(await service['bookmarks:list']({})).toEqual([]);
    const firing = { name: 'Firing', company: 'openai', at: '2023-11-17T12:00:00-08:00' };
    await service['bookmarks:save']({ bookmarks: [firing] });
    expect(JSON.parse(readFileSync(`${path}.bookmarks.json`, 'utf8'))).toEqual({ bookmarks: [firing] });
    await expect(service['bookmarks:save']({ bookmarks: [firing, firing] })).rejects.toMatchObject({ code: 'invalid', field: 'bookmarks.1.name' });
    expect(() => parseArgs('bookmarks:save', { bookmarks: [{ ...firing, name: 'evil\u202e' }] })).toThrow(/bookmarks\.0\.name: must not contain control or bidi-override characters/);
    expect(() => parseArgs('bookmarks:save', { bookmarks: [{ ...firing, at: 'noon' }] })).toThrow(/bookmarks\.0\.at/);
    expect(await service['bookmarks:list']({})).toEqual([firing]);
  } finally {
    await service.close();
  }
  // The log itself is untouched: bookmarks are not events.
  expect(readFileSync(path).subarray(0, bytes.length)).toEqual(bytes);
  expect(existsSync(`${path}.bookmarks.json`)).toBe(true);
});
