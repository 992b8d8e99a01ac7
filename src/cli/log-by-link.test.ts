/**
 * A log reached through a symbolic link (to it, or to its folder) has one set of files beside it:
 * those at its real path, where its writers keep them. Every command, verify and copy included,
 * checks the log against them, whatever name it is given by.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockHash } from '../store/block-hash';
import { indexOf, storeIndex } from '../store/index-cache';
import { readLog } from '../store/read-log';
import { BUILT_IN_LOG } from './commands';
import { main } from './main';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '' });
  return { code, out, err };
}

/** The dataset with its anchor in `real/`, and a link to the log and one to its folder in the folder above. */
function linkedDataset() {
  const top = mkdtempSync(join(tmpdir(), 'incumbent-log-by-link-'));
  const real = join(top, 'real');
  mkdirSync(real);
  const path = join(real, 'openai.jsonl');
  copyFileSync(`${BUILT_IN_LOG}.head`, `${path}.head`);
  copyFileSync(BUILT_IN_LOG, path);
  symlinkSync(path, join(top, 'link.jsonl'));
  symlinkSync(real, join(top, 'folder'));
  return { top, path, names: [join(top, 'link.jsonl'), join(top, 'folder', 'openai.jsonl')] };
}

describe('a log named through a symbolic link', () => {
  it('cut at a batch boundary: verify by any name exits 2, and copy refuses it (nothing is made at TO)', async () => {
    const { top, path, names } = linkedDataset();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    // The last batch removed whole: only the anchor shows it.
    const firstOfLast = lines.findIndex((line) => (JSON.parse(line) as { batchend?: number }).batchend === lines.length);
    writeFileSync(path, `${lines.slice(0, firstOfLast).join('\n')}\n`);
    expect(await run('verify', '--log', path)).toMatchObject({ code: 2, err: expect.stringMatching(/were acknowledged but are missing/) });
    for (const name of names) {
      expect(await run('verify', '--log', name)).toMatchObject({ code: 2, err: expect.stringMatching(/were acknowledged but are missing/) });
      const to = join(top, 'copy.jsonl');
      expect(await run('copy', name, to)).toMatchObject({ code: 2 });
      expect(existsSync(to)).toBe(false);
    }
  });

  it('with a forged index beside it: verify by any name finds the index', async () => {
    const { path, names } = linkedDataset();
    const full = await readLog(path);
    const forged = indexOf({ ...full, source: full.source! });
    full.source!.close();
    for (const { entries } of forged.ledger.timelines) entries.hiddenFrom.fill(1);
    await storeIndex(path, forged, new BlockHash().update(readFileSync(path)).digest());
    for (const name of [path, ...names]) {
      expect(await run('verify', '--log', name)).toMatchObject({ code: 2, err: expect.stringMatching(/does not hold what the log's records give/) });
    }
  });
});
