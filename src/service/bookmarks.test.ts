import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { parseArgs } from '../core/contract';
import { openService } from './service';

const copyOfDataset = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-')), 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  return path;
};
const firing = { name: 'Firing', company: 'openai', at: '2023-11-17T12:00:00-08:00' };

it('bookmarks are kept beside the log, added and removed one at a time, named once, and validated where they cross a boundary', async () => {
  const path = copyOfDataset();
  const bytes = readFileSync(path);
  const service = await openService(path, { appVersion: 'test' });
  try {
    expect(await service['bookmarks:list']({})).toEqual([]);
    expect(await service['bookmarks:add']({ bookmark: firing })).toEqual([firing]);
    expect(JSON.parse(readFileSync(`${path}.bookmarks.json`, 'utf8'))).toEqual({ bookmarks: [firing] });
    // The same name again moves it; the list stays in the order of its moments.
    const earlier = { name: 'Before', company: 'openai', at: '2023-11-16T09:00:00-08:00' };
    const moved = { ...firing, at: '2023-11-17T12:30:00-08:00' };
    await service['bookmarks:add']({ bookmark: moved });
    expect(await service['bookmarks:add']({ bookmark: earlier })).toEqual([earlier, moved]);
    expect(await service['bookmarks:remove']({ name: 'Before' })).toEqual([moved]);
    expect(await service['bookmarks:remove']({ name: 'Before' })).toEqual([moved]);
    expect(() => parseArgs('bookmarks:add', { bookmark: { ...firing, name: 'evil\u202e' } })).toThrow(/bookmark\.name: must not contain control or bidi-override characters/);
    expect(() => parseArgs('bookmarks:add', { bookmark: { ...firing, at: 'noon' } })).toThrow(/bookmark\.at/);
    expect(() => parseArgs('bookmarks:remove', { name: '' })).toThrow(/name: must not be empty/);
    expect(await service['bookmarks:list']({})).toEqual([moved]);
  } finally {
    await service.close();
  }
  // The log itself is untouched: bookmarks are not events.
  expect(readFileSync(path).subarray(0, bytes.length)).toEqual(bytes);
  expect(existsSync(`${path}.bookmarks.json`)).toBe(true);
});

it('changes made at once (two windows, a double click) are all kept: none works on a list another is changing', async () => {
  const path = copyOfDataset();
  const service = await openService(path, { appVersion: 'test' });
  try {
    await service['bookmarks:add']({ bookmark: firing });
    const names = Array.from({ length: 30 }, (_, i) => `Moment ${String(i).padStart(2, '0')}`);
    const minute = (i: number) => `2023-11-18T10:${String(i).padStart(2, '0')}:00-08:00`;
    await Promise.all([...names.map((name, i) => service['bookmarks:add']({ bookmark: { name, company: 'openai', at: minute(i) } })), service['bookmarks:remove']({ name: 'Firing' })]);
    expect((await service['bookmarks:list']({})).map((b) => b.name)).toEqual(names);
    // The limit is the file's, counted as it is then.
    await Promise.all(Array.from({ length: 170 }, (_, i) => service['bookmarks:add']({ bookmark: { name: `More ${i}`, company: 'openai', at: '2023-11-19T00:00:00Z' } })));
    await expect(service['bookmarks:add']({ bookmark: { ...firing, name: 'One too many' } })).rejects.toMatchObject({ code: 'invalid', field: 'bookmark', message: expect.stringMatching(/at most 200 bookmarks/) });
    expect(await service['bookmarks:list']({})).toHaveLength(200);
  } finally {
    await service.close();
  }
});
