/**
 * A writer stores the index of a large log in the background, to `<log>.index.<uuid>.tmp`, then
 * renames it into place. A writer stopped meanwhile (the web host's Ctrl+C exits at once, a kill, a
 * power cut) left that file behind, under a new name each time, and nothing ever removed it: about
 * 7 MB each for 60,000 events, so some 120 MB for a million-event log, every time.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventLog } from './event-log';
import { indexPath } from './index-cache';

describe('an index left half written by a writer that was stopped', () => {
  it('is removed by the next writer to open the log; a reader leaves it, and files of other names stay', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'incumbent-index-leftovers-')), 'log.jsonl');
    (await EventLog.open(path, { create: { title: 'Leftovers' } })).close();
    const leftovers = [1, 2].map(() => `${indexPath(path)}.${randomUUID()}.tmp`);
    const others = [`${indexPath(path)}.notes.tmp`, `${path}.other.${randomUUID()}.tmp`];
    for (const file of [...leftovers, ...others]) writeFileSync(file, 'partial');
    const names = () => readdirSync(dirname(path)).sort();

    const reader = await EventLog.open(path, { readOnly: true });
    await reader.indexStored;
    reader.close();
    expect(names()).toEqual(expect.arrayContaining(leftovers.map((file) => basename(file))));

    const writer = await EventLog.open(path);
    await writer.indexStored;
    writer.close();
    expect(names()).toEqual(['log.jsonl', 'log.jsonl.head', ...others.map((file) => basename(file))].sort());
  });
});
