import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachLine, eachLineYielding } from './each-line';

/** A file of `text`, opened for reading. */
function fileOf(text: string): number {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-lines-')), 'lines.jsonl');
  writeFileSync(path, text);
  return openSync(path, 'r');
}

const TEXT = ['a', '', 'a line longer than the smallest chunks here', 'é ünïcode', 'x'.repeat(300)].join('\n') + '\nunfinished';

describe('eachLine', () => {
  it('gives every newline-ended line and the unfinished bytes after them, whatever the chunk, yielding or not', async () => {
    const fd = fileOf(TEXT);
    const expected = TEXT.split('\n').slice(0, -1);
    for (const chunk of [1, 7, 64, 1 << 20]) {
      for (const read of [eachLine, eachLineYielding]) {
        const lines: string[] = [];
        const unfinished = await read(fd, (buffer, start, end) => void lines.push(buffer.toString('utf8', start, end)), chunk);
        expect({ chunk, lines, unfinished }).toEqual({ chunk, lines: expected, unfinished: 'unfinished'.length });
      }
    }
    closeSync(fd);
  });

  it('stops when asked, and the yielding reader lets the thread do other work after each chunk', async () => {
    const fd = fileOf('line\n'.repeat(200));
    let turns = 0;
    let reading = true;
    const spin = () => {
      if (!reading) return;
      turns += 1;
      setImmediate(spin);
    };
    setImmediate(spin);
    // 1,000 bytes in chunks of 50: 20 chunks, each followed by a turn of the event loop.
    let seen = 0;
    expect(await eachLineYielding(fd, () => void (seen += 1), 50)).toBe(0);
    reading = false;
    expect([seen, turns >= 19]).toEqual([200, true]);
    expect(eachLine(fd, () => (seen += 1) < 210, 50)).toBe(0);
    expect(seen).toBe(210);
    closeSync(fd);
  });
});
