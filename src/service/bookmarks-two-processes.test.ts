/**
 * Two processes keep bookmarks for one log (the desktop app and a web host, or two web hosts): each
 * change reads the file, changes it and writes it back. Serialised only within a process, a change
 * made by one between the other's read and write was lost, though both were told it was kept.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { atBarrier } from './at-barrier.test-support';

const PROCESSES = 4;
const EACH = 15;

it('keeps every bookmark four processes add at once, each told it was kept', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-race-'));
  const log = join(dir, 'log.jsonl');
  const module = new URL('./bookmarks.ts', import.meta.url).href;
  // Each adds its bookmarks one after another, once all are at the barrier.
  const adds = (p: number) => ({
    setup: `const { bookmarksOf } = await import(${JSON.stringify(module)}); const marks = bookmarksOf(${JSON.stringify(log)})`,
    race: `for (let i = 0; i < ${EACH}; i++) await marks.add({ name: 'p${p}-' + i, company: 'acme', at: '2024-01-01T00:00:' + String(i).padStart(2, '0') + 'Z' }); process.stdout.write('added');`,
  });
  const said = await atBarrier(dir, Array.from({ length: PROCESSES }, (_, p) => adds(p)));
  const codes = said.map(({ code }) => code);
  expect(said.map((s) => s.err)).toEqual(Array(PROCESSES).fill(''));
  expect(codes).toEqual(Array(PROCESSES).fill(0));
  expect(said.every((s) => s.said.endsWith('added'))).toBe(true);
  const kept = (JSON.parse(readFileSync(`${log}.bookmarks.json`, 'utf8')) as { bookmarks: { name: string }[] }).bookmarks.map((b) => b.name);
  expect(kept.sort()).toEqual(Array.from({ length: PROCESSES * EACH }, (_, i) => `p${Math.floor(i / EACH)}-${i % EACH}`).sort());
});
