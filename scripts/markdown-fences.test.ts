/**
 * The README and the docs render as written: every fenced code block closes. A closing fence may be
 * followed only by spaces (CommonMark); "``` For the same log..." left the README's block open, and
 * "Writing a log" and "The event model" showed as code.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const files = ['README.md', 'docs/authoring.md', 'docs/benchmark-history.md'];

/** The lines inside fenced code blocks, and whether the last block was left open. */
function fenced(text: string): { inside: string[]; open: boolean } {
  const inside: string[] = [];
  let opener: string | undefined;
  for (const line of text.split('\n')) {
    if (opener === undefined) {
      opener = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      continue;
    }
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
    if (close && close[0] === opener[0] && close.length >= opener.length) opener = undefined;
    else inside.push(line);
  }
  return { inside, open: opener !== undefined };
}

describe.each(files)('%s', (file) => {
  const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
  it('closes every code block with a fence alone on its line, and holds no heading in one', () => {
    const { inside, open } = fenced(text);
    expect(open).toBe(false);
    expect(inside.filter((line) => /^#{1,6} |^ {0,3}```/.test(line))).toEqual([]);
  });
});
