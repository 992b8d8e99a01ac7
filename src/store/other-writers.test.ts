/**
 * A log reached by more than one name, or replaced on disk while a writer holds it: no append is
 * acknowledged that is not in the file the path names, and no other writer's records are written over.
 */
import { execFileSync } from 'node:child_process';
import { linkSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { parseDraft } from '../core/validate';
import { EventLog } from './event-log';

const draft = (id: string) =>
  parseDraft({ id, type: 'board.joined', subject: 'acme', time: '2024-01-01T00:00:00.000Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } } });

let dir: string;
let path: string;
const open: EventLog[] = [];
const opened = async (at: string) => {
  const log = await EventLog.open(at, { create: { title: 'T' } });
  open.push(log);
  return log;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incumbent-other-writers-'));
  path = join(dir, 'log.jsonl');
  (await opened(path)).close();
});
afterEach(() => {
  for (const log of open.splice(0)) log.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a link to a log shares its lock: a second writer through it is refused, whichever name came first', async () => {
  const link = join(dir, 'alias.jsonl');
  symlinkSync(path, link);
  const first = await opened(path);
  await expect(opened(link)).rejects.toMatchObject({ code: 'locked' });
  first.close();
  const viaLink = await opened(link);
  await expect(opened(path)).rejects.toMatchObject({ code: 'locked' });
  // One set of siblings, beside the file itself: the link's folder gets no lock or anchor of its own.
  expect(viaLink.path).toBe(path);
});

it('a log with another name (a hard link) is written through neither: a second name means a second lock', async () => {
  const other = join(dir, 'hard.jsonl');
  const a = await opened(path);
  linkSync(path, other);
  const before = readFileSync(path);
  // Each would take its own lock, and both could check the size before either wrote: one batch lost under the other.
  await expect(opened(other)).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/has 2 names \(hard links.*nothing was written/) });
  await expect(a.append([draft('by-a')])).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/has 2 names/) });
  await expect(opened(path)).rejects.toMatchObject({ code: 'locked' });
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(a.ledger.head).toBe(1);
  // Read-only, it is the same log by either name; with one name again, it takes appends.
  for (const name of [path, other]) {
    const reader = await EventLog.open(name, { readOnly: true });
    open.push(reader);
    expect(reader.ledger.head).toBe(1);
  }
  rmSync(other);
  await a.append([draft('one-name')]);
  expect(a.ledger.head).toBe(2);
});

it('a file put in the log\'s place while a writer holds it gets nothing, and the writer acknowledges nothing', async () => {
  const writer = await opened(path);
  await writer.append([draft('before')]);
  const restored = join(dir, 'restored.jsonl');
  (await opened(restored)).close();
  const backup = readFileSync(restored);
  renameSync(restored, path);
  await expect(writer.append([draft('after')])).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/no longer the file this log was opened from/) });
  expect(readFileSync(path).equals(backup)).toBe(true);
  expect(writer.ledger.head).toBe(2);
  // Removed outright: the same.
  rmSync(path);
  await expect(writer.append([draft('gone')])).rejects.toMatchObject({ code: 'damaged' });
});

it('a FIFO or a device put at the lock\'s name is refused at once, not read for ever', async () => {
  execFileSync('mkfifo', [`${path}.lock`]);
  await expect(opened(path)).rejects.toThrow(/cannot lock .* is not a regular file/);
  rmSync(`${path}.lock`);
  symlinkSync('/dev/zero', `${path}.lock`);
  await expect(opened(path)).rejects.toThrow(/cannot lock .* is not a regular file/);
});
