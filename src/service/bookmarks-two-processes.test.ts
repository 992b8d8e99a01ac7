/**
 * Two processes keep bookmarks for one log (the desktop app and a web host, or two web hosts): each
 * change reads the file, changes it and writes it back. Serialised only within a process, a change
 * made by one between the other's read and write was lost, though both were told it was kept.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const PROCESSES = 4;
const EACH = 15;

it('keeps every bookmark four processes add at once, each told it was kept', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-bookmarks-race-'));
  const [log, go] = [join(dir, 'log.jsonl'), join(dir, 'go')];
  const module = new URL('./bookmarks.ts', import.meta.url).href;
  // Each waits at the barrier (a file appearing), then adds its bookmarks one after another.
  const script = (p: number) =>
    `const { existsSync } = await import('node:fs'); const { bookmarksOf } = await import(${JSON.stringify(module)}); const marks = bookmarksOf(${JSON.stringify(log)}); process.stdout.write('ready'); while (!existsSync(${JSON.stringify(go)})); for (let i = 0; i < ${EACH}; i++) await marks.add({ name: 'p${p}-' + i, company: 'acme', at: '2024-01-01T00:00:' + String(i).padStart(2, '0') + 'Z' }); process.stdout.write('\\nadded');`;
  const children = Array.from({ length: PROCESSES }, (_, p) => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script(p)], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const said = children.map((child) => {
    const out = { text: '', err: '' };
    child.stdout!.on('data', (chunk) => (out.text += chunk));
    child.stderr!.on('data', (chunk) => (out.err += chunk));
    return out;
  });
  await Promise.all(children.map((child) => once(child.stdout!, 'data')));
  writeFileSync(go, '');
  const codes = await Promise.all(children.map(async (child) => (await once(child, 'exit'))[0]));
  expect(said.map((s) => s.err)).toEqual(Array(PROCESSES).fill(''));
  expect(codes).toEqual(Array(PROCESSES).fill(0));
  expect(said.every((s) => s.text.endsWith('added'))).toBe(true);
  const kept = (JSON.parse(readFileSync(`${log}.bookmarks.json`, 'utf8')) as { bookmarks: { name: string }[] }).bookmarks.map((b) => b.name);
  expect(kept.sort()).toEqual(Array.from({ length: PROCESSES * EACH }, (_, i) => `p${Math.floor(i / EACH)}-${i % EACH}`).sort());
});
