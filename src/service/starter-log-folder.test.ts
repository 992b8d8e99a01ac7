/**
 * `--data-dir` (or INCUMBENT_DATA_DIR) naming a file, or a folder this user may not write: the
 * web host named it with Node's errno text ("ENOTDIR: not a directory, mkdir '…/logs'"). Said in a
 * sentence naming the data folder now, as the README promises of every refusal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { BUILT_IN_LOG } from '../cli/commands';
import { starterLog } from './starter-log';

it('names a data folder that is a file in a sentence', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'incumbent-data-dir-')), 'not-a-folder');
  writeFileSync(file, '');
  expect(() => starterLog(file, BUILT_IN_LOG)).toThrow(`cannot make the data folder ${join(file, 'logs')}: ${file} is a file, not a folder (give another with --data-dir or INCUMBENT_DATA_DIR)`);
});
