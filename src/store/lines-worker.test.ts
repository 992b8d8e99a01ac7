/**
 * The opener takes the worker's lines in slices, letting other work run between them (a host opening
 * a large log still serves its page): the lines the worker parsed, and those it left to the opener.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLinesInWorker } from './lines-worker';

/** The most lines `take` hands over between two turns of the event loop. */
async function longestRun(lines: string[]): Promise<number> {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-lines-worker-')), 'lines.jsonl');
  writeFileSync(path, `${lines.join('\n')}\n`);
  const fd = openSync(path, 'r');
  let [run, longest, done] = [0, 0, false];
  const turn = () => {
    run = 0;
    if (!done) setImmediate(turn);
  };
  turn();
  try {
    const worker = readLinesInWorker(fd, { parseFrom: 0 });
    await worker.take(() => void (longest = Math.max(longest, (run += 1))));
    done = true;
    await worker.digests;
  } finally {
    closeSync(fd);
  }
  return longest;
}

const line = (type: string) => (_: unknown, i: number) => JSON.stringify({ seq: i + 1, id: `id-${i + 1}`, prevhash: 'p', recordedtime: 't', type, subject: 's', time: 't', data: {} });

describe('the opener lets other work run every 2,048 of the worker\'s lines', () => {
  it('of lines the worker parsed, and of lines it left to the opener (revisions)', async () => {
    for (const type of ['role.assumed', 'event.corrected']) expect(await longestRun(Array.from({ length: 40_000 }, line(type))), type).toBeLessThanOrEqual(2_048);
  }, 60_000);
});

describe('the texts of a chunk', () => {
  it('are sent before they pass what one string can hold: a crafted log of 1 MiB ids, 530 MiB of them', async () => {
    // V8's longest string is 2^29 - 24 code units, 512 Mi: the opener decodes a chunk's texts as one.
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-long-ids-'));
    const path = join(dir, 'lines.jsonl');
    const [count, pad] = [530, 'x'.repeat(1 << 20)];
    const out = openSync(path, 'w');
    for (let i = 0; i < count; i++) writeSync(out, `${JSON.stringify({ ...JSON.parse(line('statement.made')(undefined, i)), id: `${i + 1}-${pad}`, prevhash: '0'.repeat(64) })}\n`);
    closeSync(out);
    const fd = openSync(path, 'r');
    const ids: string[] = [];
    try {
      const worker = readLinesInWorker(fd, { parseFrom: 0 });
      await worker.take((_start, _end, record) => void ids.push(`${record?.id.slice(0, 8)} ${record?.id.length}`));
      await worker.digests;
    } finally {
      closeSync(fd);
      rmSync(dir, { recursive: true });
    }
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => `${`${i + 1}-${pad}`.slice(0, 8)} ${(1 << 20) + `${i + 1}-`.length}`));
  }, 120_000);
});
