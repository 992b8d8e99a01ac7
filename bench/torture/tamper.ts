/**
 * Tampering: random mutations of logs of several sizes, the last line included: flipped bytes,
 * deleted, duplicated, swapped or re-serialised lines, cuts at a line boundary, an edited field,
 * a line rewritten with the rest of the chain recomputed, a forged line appended. `verify` must
 * detect every one, and a writer must refuse every one that changes what was acknowledged.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyLog } from '../../src/cli/verify';
import { EventLog } from '../../src/store/event-log';
import { sealRecord, sha256 } from '../../src/store/seal';
import type { EventRecord } from '../../src/core/event';
import { prng, runTrials, type Campaign } from './campaign';
import { buildLog, copyLog, removeDir, sampleDraft, tempDir } from './fixtures';

type Lines = string[];
type Mutation = { adds?: true; apply: (bytes: Buffer, random: () => number) => Buffer };
const pick = (random: () => number, n: number) => Math.floor(random() * n);

/** A mutation of the log's lines (the last line included), as text. */
const onLines = (change: (lines: Lines, random: () => number) => void, adds?: true): Mutation => ({
  ...(adds ? { adds } : {}),
  apply: (bytes, random) => {
    const lines = bytes.toString('utf8').trimEnd().split('\n');
    change(lines, random);
    return Buffer.from(lines.length ? `${lines.join('\n')}\n` : '');
  },
});

/** Re-chains lines from `from` on, as a forger who knows the format would. */
function rechain(lines: Lines, from: number): void {
  for (let i = Math.max(from, 1); i < lines.length; i++) {
    const record = JSON.parse(lines[i]!) as EventRecord;
    lines[i] = JSON.stringify({ ...record, prevhash: sha256(lines[i - 1]!) });
  }
}

/** Every mutation changes the bytes; `adds` marks the one a writer may take in (as after a crash). */
const mutations: Record<string, Mutation> = {
  'flip a bit anywhere': {
    apply: (bytes, random) => {
      const copy = Buffer.from(bytes);
      const at = pick(random, copy.length);
      copy[at] = copy[at]! ^ (1 << pick(random, 8));
      return copy;
    },
  },
  'delete a line': onLines((lines, random) => void lines.splice(1 + pick(random, lines.length - 1), 1)),
  'delete the last line': onLines((lines) => void lines.pop()),
  'cut at a line boundary': onLines((lines, random) => void lines.splice(1 + pick(random, lines.length - 1))),
  'duplicate a line': onLines((lines, random) => {
    const i = pick(random, lines.length);
    lines.splice(i, 0, lines[i]!);
  }),
  'swap two lines': onLines((lines, random) => {
    const i = pick(random, lines.length - 1);
    [lines[i], lines[i + 1]] = [lines[i + 1]!, lines[i]!];
  }),
  're-serialise a line': onLines((lines, random) => {
    const i = pick(random, lines.length);
    const record = JSON.parse(lines[i]!) as Record<string, unknown>;
    lines[i] = JSON.stringify(Object.fromEntries(Object.entries(record).reverse()));
  }),
  'edit the last line': onLines((lines) => void (lines[lines.length - 1] = lines.at(-1)!.replace(/"certainty":"(\w+)"/, '"certainty":"bogus"'))),
  'rewrite a line and recompute the chain': onLines((lines, random) => {
    const i = 1 + pick(random, lines.length - 1);
    lines[i] = JSON.stringify({ ...(JSON.parse(lines[i]!) as EventRecord), time: '1999-01-01T00:00:00Z' });
    rechain(lines, i + 1);
  }),
  'append a forged line': onLines((lines) => {
    const last = JSON.parse(lines.at(-1)!) as EventRecord;
    lines.push(sealRecord(sampleDraft('forged', 7), { id: 'forged', seq: last.seq + 1, prevhash: sha256(lines.at(-1)!), recordedtime: last.recordedtime }).line);
  }, true),
};

export const tamperCampaign: Campaign = async ({ trials, seed }) => {
  const dir = tempDir('tamper');
  const random = prng(seed);
  try {
    const logs = [await buildLog(dir, [1, 3], 'small.jsonl'), await buildLog(dir, [10, 1, 40, 2, 7], 'medium.jsonl'), await buildLog(dir, [300, 1, 200, 499], 'large.jsonl')];
    const names = Object.keys(mutations);
    const target = join(dir, 'tampered.jsonl');
    return await runTrials('tampering (random mutations, 100% must be found)', trials, async (i) => {
      const source = logs[i % logs.length]!;
      const name = names[pick(random, names.length)]!;
      copyLog(source, target);
      const original = readFileSync(source);
      const tampered = mutations[name]!.apply(original, random);
      if (tampered.equals(original)) return `${name} changed nothing: the campaign is broken`;
      writeFileSync(target, tampered);
      const found = await verifyLog(target).then(() => false, () => true);
      if (!found) return `${name} on ${source.split('/').at(-1)} passed verify`;
      if (mutations[name]!.adds) return undefined;
      const opened = await EventLog.open(target).then((log) => (log.close(), true), () => false);
      return opened ? `${name} on ${source.split('/').at(-1)} was opened for writing` : undefined;
    });
  } finally {
    removeDir(dir);
  }
};
