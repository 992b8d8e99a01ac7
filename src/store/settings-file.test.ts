/**
 * settings.json is the user's to edit (and a sync tool's, or a half-restored backup's). It was read
 * as it was: a file that was not JSON made openSettings throw, and the desktop app stop at start
 * ("Incumbent could not start: Unexpected token ..."), naming no file; a `recent` that was not a
 * list broke the File menu and every open (`recent.filter is not a function`). Found opening
 * settings files edited by hand. Each field now falls back to its default on its own.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings } from './settings';

const fileHolding = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-settings-')), 'settings.json');
  writeFileSync(path, text);
  return path;
};

describe('a settings file edited by hand', () => {
  it.each([
    ['not JSON', '{"recent": ['],
    ['JSON, not an object', '[1, 2]'],
    ['null', 'null'],
    ['fields of the wrong types', '{"recent": "/tmp/a.jsonl", "theme": "neon", "window": {"width": "wide"}, "lastLog": 7, "shared": 3}'],
    ['a list of recent logs holding other things', '{"recent": ["/tmp/a.jsonl", 3, null, {"__proto__": 1}], "theme": "dark"}'],
  ])('%s: opens with defaults where it is wrong, and remembers a log', async (_what, text) => {
    const path = fileHolding(text);
    const settings = await openSettings(path);
    const { recent, theme, window, lastLog } = settings.get();
    expect(recent.every((entry) => typeof entry === 'string')).toBe(true);
    expect(['system', 'light', 'dark']).toContain(theme);
    expect(window === undefined || typeof window.width === 'number').toBe(true);
    expect(lastLog === undefined || typeof lastLog === 'string').toBe(true);
    expect(settings.sharedLogs()).toEqual([]);
    await settings.remember('/tmp/b.jsonl');
    expect(settings.get().recent[0]).toBe('/tmp/b.jsonl');
    expect(JSON.parse(readFileSync(path, 'utf8')).recent[0]).toBe('/tmp/b.jsonl');
  });

  it('keeps what is well-formed', async () => {
    const settings = await openSettings(fileHolding('{"recent": ["/tmp/a.jsonl", 3], "theme": "dark", "window": {"width": 1000, "height": 700}, "lastLog": "/tmp/a.jsonl"}'));
    expect(settings.get()).toMatchObject({ recent: ['/tmp/a.jsonl'], theme: 'dark', window: { width: 1000, height: 700 }, lastLog: '/tmp/a.jsonl' });
  });

  it('keeps a file that is not JSON beside it, as it was, before the first change writes over it', async () => {
    const text = '{"recent": ["/home/me/important.jsonl"], "theme": "dark"'; // cut short: a sync tool stopped halfway
    const path = fileHolding(text);
    const settings = await openSettings(path);
    await settings.remember('/tmp/b.jsonl');
    const aside = readdirSync(dirname(path)).filter((name) => name.startsWith('settings.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirname(path), aside[0]!), 'utf8')).toBe(text);
  });
});
