/**
 * The bookmarks list is kept "in the order of its moments", but was sorted by the text of each
 * moment: 01:00 at -08:00 (09:00 UTC) came before 05:00 UTC, and the Bookmarks panel listed them
 * out of time order. Found adding bookmarks written with two offsets through the service.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { openService } from './service';

it('bookmarks written with different offsets are listed in the order of their instants', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-order-')), 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  const service = await openService(path, { appVersion: 'test' });
  try {
    const pacific = { name: 'Nine UTC', company: 'openai', at: '2023-11-20T01:00:00-08:00' };
    const utc = { name: 'Five UTC', company: 'openai', at: '2023-11-20T05:00:00Z' };
    const tokyo = { name: 'Seven UTC', company: 'openai', at: '2023-11-20T16:00:00+09:00' };
    for (const bookmark of [pacific, utc, tokyo]) await service['bookmarks:add']({ bookmark });
    expect((await service['bookmarks:list']({})).map((b) => b.name)).toEqual(['Five UTC', 'Seven UTC', 'Nine UTC']);
  } finally {
    await service.close();
  }
});
