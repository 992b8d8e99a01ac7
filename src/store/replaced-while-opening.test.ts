/** A log file replaced (renamed over) while a writer opens it: the writer must write only to the file it read and checked. */
import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseDraft } from '../core/validate';
import { EventLog } from './event-log';

const draft = (id: string) =>
  parseDraft({ id, type: 'board.joined', subject: 'acme', time: '2024-01-01T00:00:00.000Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } } });

/** A log of `count` records after its creation, made and closed. */
async function logOf(path: string, title: string, count: number): Promise<Buffer> {
  const log = await EventLog.open(path, { create: { title } });
  for (let i = 0; i < count; i++) await log.append([draft(`${title}-${i}`)]);
  log.close();
  return readFileSync(path);
}

it('a file renamed over the log while it opens is left as it is: the open is refused, and a reader then opens that file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-rename-'));
  const path = join(dir, 'log.jsonl');
  await logOf(path, 'opened', 2);
  const other = join(dir, 'restored.jsonl');
  const restored = await logOf(other, 'restored', 6);

  // EventLog.open opens the file at once (readLog's openSync); a backup is restored over it meanwhile.
  const opening = EventLog.open(path);
  renameSync(other, path);
  await expect(opening).rejects.toThrow(/was replaced by another file while it was being opened/);
  // Written to by a writer that read the other file, it lost its third record (the first version wrote there).
  expect(readFileSync(path).equals(restored)).toBe(true);
  // Only the log was moved, not its head anchor: a reader opens it, told that its end does not match.
  const reopened = await EventLog.open(path, { readOnly: true });
  expect([reopened.ledger.title, reopened.ledger.head]).toEqual(['restored', 7]);
  reopened.close();
});
