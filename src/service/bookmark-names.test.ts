/**
 * A bookmark's name is text a person reads, as an event's names are, but it was held only to "no
 * controls or bidi overrides": the web host took a name of half a surrogate pair ("\ud800x", shown
 * as a replacement character) and one of only a zero-width space (a blank button, and a second
 * bookmark that looks like the first). Found posting them to `bookmarks:add` on a web host. Names
 * (and moments) already in a bookmarks file are still read, and can still be removed.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { parseArgs } from '../core/contract';
import { openService } from './service';

const at = '2023-11-20T00:00:00Z';

it.each([
  ['half a surrogate pair', 'A\ud800x', /well-formed Unicode/],
  ['only a zero-width space', '\u200b', /whitespace or invisible/],
  ['a line separator', 'One\u2028Two', /control or bidi-override/],
])('a bookmark named with %s is refused, naming the field', (_what, name, message) => {
  expect(() => parseArgs('bookmarks:add', { bookmark: { name, company: 'openai', at } })).toThrow(message);
  expect(() => parseArgs('bookmarks:add', { bookmark: { name, company: 'openai', at } })).toThrow(/bookmark\.name/);
});

it('a bookmarks file written before the rule is still read, and its bookmarks removed by name', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-bookmark-names-')), 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  const old = [
    { name: '\u200b', company: 'openai', at },
    { name: 'Fine', company: 'openai', at: '2023-11-21T00:00:00.0001Z' },
  ];
  writeFileSync(`${path}.bookmarks.json`, JSON.stringify({ bookmarks: old }));
  const service = await openService(path, { appVersion: 'test' });
  try {
    expect(await service['bookmarks:list']({})).toEqual(old);
    expect(await service['bookmarks:remove'](parseArgs('bookmarks:remove', { name: '\u200b' }))).toEqual([old[1]]);
  } finally {
    await service.close();
  }
});
