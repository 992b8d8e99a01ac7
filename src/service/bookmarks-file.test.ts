/**
 * A bookmarks file travels with its log (`<log>.bookmarks.json`), so it is input like any other: a
 * log folder received from someone else, or a hand edit. It was handed to the page unchecked (a
 * name that is an object, a moment that is not one, a right-to-left override) and, when not a
 * list, a change threw a TypeError. It is checked against the contract's Bookmark as it is read;
 * a file that fails is refused by name, and never written over.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { openService } from './service';

const firing = { name: 'Firing', company: 'openai', at: '2023-11-17T12:00:00-08:00' };

it.each([
  ['a list that is not one', { bookmarks: { 0: firing } }],
  ['a name that is an object', { bookmarks: [{ ...firing, name: { toString: 'x' } }] }],
  ['a moment that is not one', { bookmarks: [{ ...firing, at: 'noon' }] }],
  ['a right-to-left override in a name', { bookmarks: [{ ...firing, name: 'Firing\u202e' }] }],
  ['an unknown key', { bookmarks: [{ ...firing, __proto__: { polluted: true }, extra: 1 }] }],
])('a bookmarks file with %s is refused by name and left as it is', async (_, content) => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-file-')), 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  const file = `${path}.bookmarks.json`;
  writeFileSync(file, JSON.stringify(content));
  const bytes = readFileSync(file);
  const service = await openService(path, { appVersion: 'test' });
  try {
    const refusal = { code: 'invalid', field: 'bookmarks', message: expect.stringContaining(`${file} is not a bookmarks file`) };
    await expect(service['bookmarks:list']({})).rejects.toMatchObject(refusal);
    await expect(service['bookmarks:add']({ bookmark: firing })).rejects.toMatchObject(refusal);
    await expect(service['bookmarks:remove']({ name: 'Firing' })).rejects.toMatchObject(refusal);
  } finally {
    await service.close();
  }
  expect(readFileSync(file)).toEqual(bytes);
});

it('a FIFO (or any file that is not a regular one) at the bookmarks name is refused at once, not read for ever', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-fifo-')), 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  execFileSync('mkfifo', [`${path}.bookmarks.json`]);
  const service = await openService(path, { appVersion: 'test' });
  try {
    const refusal = { code: 'invalid', field: 'bookmarks', message: expect.stringMatching(/is not a bookmarks file \(.*not a regular file\)/) };
    await expect(service['bookmarks:list']({})).rejects.toMatchObject(refusal);
    await expect(service['bookmarks:add']({ bookmark: firing })).rejects.toMatchObject(refusal);
  } finally {
    await service.close();
  }
}, 10_000);
