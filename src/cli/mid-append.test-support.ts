/** A log caught between a writer's write and its anchor's move, as a reader beside the writer may find it. */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDraft } from '../core/validate';
import { EventLog } from '../store/event-log';
import { anchorPath } from '../store/head-anchor';

const draft = (id: string) => parseDraft({ id, type: 'board.joined', subject: 'acme', time: '2024-01-01T00:00:00.000Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } } });

/** A log of three records whose anchor names #2 (as between a writer's write and its anchor's move), and the anchor naming #3. */
export async function caughtMidAppend(): Promise<{ path: string; moved: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-verify-while-appending-'));
  const path = join(dir, 'log.jsonl');
  const log = await EventLog.open(path, { create: { title: 'T' } });
  await log.append([draft('a')]);
  copyFileSync(anchorPath(path), join(dir, 'at-2'));
  await log.append([draft('b')]);
  log.close();
  copyFileSync(anchorPath(path), join(dir, 'at-3'));
  copyFileSync(join(dir, 'at-2'), anchorPath(path));
  return { path, moved: join(dir, 'at-3') };
}
