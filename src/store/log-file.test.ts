/** What an export may never be written over: the log (by any name) and the files kept beside it. */
import { linkSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { refuseLogFiles } from './log-file';

it('refuses the log, a link to it or to its folder, a hard link, and its anchor, index and lock; takes any other file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-log-file-'));
  const log = join(dir, 'log.jsonl');
  writeFileSync(log, '{}\n');
  symlinkSync(log, join(dir, 'link.jsonl'));
  symlinkSync(dir, join(dir, 'folder'));
  linkSync(log, join(dir, 'hard.jsonl'));
  const refused = [log, join(dir, 'link.jsonl'), join(dir, 'folder', 'log.jsonl'), join(dir, 'hard.jsonl'), `${log}.head`, `${log}.index`, `${log}.lock`, join(dir, 'folder', 'log.jsonl.head')];
  for (const path of refused) {
    expect(() => refuseLogFiles(path, log, 'snapshot', 'path'), path).toThrow(expect.objectContaining({ code: 'invalid', field: 'path', message: expect.stringMatching(/is the log read, or a file kept beside it: write the snapshot elsewhere/) }));
  }
  for (const path of [join(dir, 'snapshot.json'), join(dir, 'log.jsonl-export.jsonl'), join(dir, 'other.jsonl')]) expect(() => refuseLogFiles(path, log, 'snapshot', 'path'), path).not.toThrow();
});
