/**
 * Power loss: the file cut at a byte offset inside its last batch, as a crash that came before the
 * writer acknowledged that batch would leave it (the head anchor still names the batch before).
 * Opening must keep every earlier batch and none of the cut one, and the log must then verify.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyLog } from '../../src/cli/verify';
import { EventLog } from '../../src/store/event-log';
import { anchorPath } from '../../src/store/head-anchor';
import { prng, runTrials, type Campaign } from './campaign';
import { buildLog, copyLog, drafts, removeDir, tempDir } from './fixtures';

export const powerLossCampaign: Campaign = async ({ trials, seed }) => {
  const dir = tempDir('power');
  try {
    const sizes = [5, 30, 1, 12];
    const before = await buildLog(dir, sizes.slice(0, -1), 'before.jsonl');
    const anchorBefore = readFileSync(anchorPath(before));
    const full = copyLog(before, join(dir, 'full.jsonl'));
    const log = await EventLog.open(full);
    await log.append(drafts('last', 0, sizes.at(-1)!));
    log.close();
    const bytes = readFileSync(full);
    const start = readFileSync(before).length;
    const headBefore = 1 + sizes.slice(0, -1).reduce((a, b) => a + b, 0);
    const span = bytes.length - start;
    const random = prng(seed);
    // Every offset of the last batch when trials allow, else a random sample of them.
    const offsets = trials >= span + 1 ? Array.from({ length: span + 1 }, (_, i) => start + i) : Array.from({ length: trials }, () => start + Math.floor(random() * (span + 1)));
    const cut = join(dir, 'cut.jsonl');
    return await runTrials('power loss (cut inside the last batch)', offsets.length, async (i) => {
      const offset = offsets[i]!;
      writeFileSync(cut, bytes.subarray(0, offset));
      writeFileSync(anchorPath(cut), anchorBefore);
      const log = await EventLog.open(cut);
      const head = log.ledger.head;
      log.close();
      // A whole batch on disk whose anchor update was lost is kept; anything less is set aside.
      const expected = offset === bytes.length ? headBefore + sizes.at(-1)! : headBefore;
      if (head !== expected) return `offset ${offset}: head #${head}, expected #${expected} (a partial batch survived or a whole one was lost)`;
      await verifyLog(cut);
      return undefined;
    });
  } finally {
    removeDir(dir);
  }
};
