/**
 * A reader (verify, a read command) never holds the lock: a writer may append while it reads the
 * log. The anchor it checks the end against must not then name records its read could not see.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { parseDraft } from '../core/validate';
import { EventLog } from './event-log';
import { readAnchor } from './head-anchor';
import { checkTail } from './integrity';
import { readLog, type LogContents } from './read-log';

const draft = (id: string) =>
  parseDraft({ id, type: 'board.joined', subject: 'acme', time: '2024-01-01T00:00:00.000Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } } });

const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((o) => o.close()));

/** A log with a writer holding it, two records in. */
async function heldLog() {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-tail-while-appending-')), 'log.jsonl');
  const writer = await EventLog.open(path, { create: { title: 'T' } });
  opened.push(writer);
  await writer.append([draft('a')]);
  return { path, writer };
}

const read = async (path: string): Promise<LogContents> => {
  const contents = await readLog(path);
  if (contents.source) opened.push(contents.source);
  return contents;
};

it('records appended after the log was read are not taken for records cut from it', async () => {
  const { path, writer } = await heldLog();
  const before = readAnchor(path);
  const contents = await read(path);
  // The writer appends between the reader's read of the log and its check of the end.
  await writer.append([draft('b'), draft('c')]);
  const tail = checkTail(path, contents, before);
  expect(tail).toMatchObject({ vouched: 2 });
  expect(tail.damage).toBeUndefined();
  // Read again, the log and its anchor agree to the end.
  expect(checkTail(path, await read(path), readAnchor(path))).toEqual({ anchor: readAnchor(path), vouched: 4 });
});

it('a log cut short is still found, by the anchor read before it or after it', async () => {
  const { path, writer } = await heldLog();
  await writer.append([draft('b')]);
  const lines = readFileSync(path, 'utf8').split('\n');
  writeFileSync(path, `${lines.slice(0, 2).join('\n')}\n`);
  const before = readAnchor(path);
  const contents = await read(path);
  expect(checkTail(path, contents, before).damage).toMatch(/records #3-#3 were acknowledged but are missing/);
  expect(checkTail(path, contents).damage).toMatch(/records #3-#3 were acknowledged but are missing/);
});
