/**
 * `--log` naming a file kept beside a log (its head anchor, index, lock, bookmarks) rather than the
 * log: a slip of tab completion. It was opened as a log and called damaged, with the advice to
 * truncate it (the anchor!), or, for init, a log was started where the log's anchor belongs.
 * Refused instead, naming the log it belongs to; nothing is written.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli } from './run-cli.test-support';

let dir: string, log: string;
const files = () => Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'latin1')]));
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'incumbent-side-'));
  log = join(dir, 'log.jsonl');
  copyFileSync(BUILT_IN_LOG, log);
  copyFileSync(`${BUILT_IN_LOG}.head`, `${log}.head`);
  writeFileSync(`${log}.bookmarks.json`, '{"bookmarks":[]}');
  writeFileSync(join(dir, 'in.jsonl'), '{}\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--log naming a file kept beside a log', () => {
  it.each([
    ['verify', '.head', 'head anchor'],
    ['append', '.head', 'head anchor'],
    ['snapshot', '.bookmarks.json', 'bookmarks'],
    ['append', '.bookmarks.json', 'bookmarks'],
    ['init', '.index', 'index'],
    ['init', '.lock', 'lock'],
  ])('%s --log LOG%s is refused, naming the log, and writes nothing', async (command, suffix, what) => {
    const before = files();
    const extra = { verify: [], append: [join(dir, 'in.jsonl')], snapshot: ['--at', '2023-11-18T12:00:00Z'], init: ['--title', 'T', '--company', 'acme'] }[command]!;
    const { code, err } = await runCli([command, '--log', `${log}${suffix}`, ...extra]);
    expect(err).toBe(`incumbent ${command}: ${log}${suffix} is the ${what} kept beside the log ${log}, not a log: give --log ${log}\n`);
    expect(code).toBe(1);
    expect(files()).toEqual(before);
  });

  it('a log named like a file kept beside a log, beside a file that is no log, or itself a log, is a log', async () => {
    const notes = mkdtempSync(join(tmpdir(), 'incumbent-notes-'));
    writeFileSync(join(notes, 'notes'), 'shopping: milk\n');
    const started = await runCli(['init', '--log', join(notes, 'notes.head'), '--title', 'Notes', '--company', 'acme']);
    expect(started.err).not.toContain('kept beside');
    expect(started.code).toBe(0);
    // A log beside a log, named like its anchor: it is itself a log, and opens as one.
    copyFileSync(log, join(notes, 'other'));
    copyFileSync(BUILT_IN_LOG, join(notes, 'other.head'));
    copyFileSync(`${BUILT_IN_LOG}.head`, join(notes, 'other.head.head'));
    const verified = await runCli(['verify', '--log', join(notes, 'other.head')]);
    rmSync(notes, { recursive: true, force: true });
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
  });

  it('says a loop of links in one sentence, not as an errno', async () => {
    const loops = mkdtempSync(join(tmpdir(), 'incumbent-loop-'));
    symlinkSync(join(loops, 'b'), join(loops, 'a'));
    symlinkSync(join(loops, 'a'), join(loops, 'b'));
    const { code, err } = await runCli(['verify', '--log', join(loops, 'a')]);
    rmSync(loops, { recursive: true, force: true });
    expect(err).toBe(`incumbent verify: cannot read ${join(loops, 'a')}: its symbolic links lead round in a loop\n`);
    expect(code).toBe(1);
  });
});

describe('copy to a file kept beside a log', () => {
  it.each(['.index', '.bookmarks.json', '.lock'])('copy LOG LOG%s is refused before anything is written', async (suffix) => {
    const before = files();
    const { code, err } = await runCli(['copy', log, `${log}${suffix}`]);
    expect(err).toContain(`incumbent copy: TO: ${log}${suffix} is the `);
    expect(err).toContain(`kept beside the log ${log}, not a log: give the copy a name of its own\n`);
    expect(code).toBe(1);
    expect(files()).toEqual(before);
  });
});

describe('copy from a file kept beside a log', () => {
  it('names FROM, which copy takes, not --log, which it has not', async () => {
    const { code, err } = await runCli(['copy', `${log}.head`, join(tmpdir(), 'never-written.jsonl')]);
    expect(err).toBe(`incumbent copy: FROM: ${log}.head is the head anchor kept beside the log ${log}, not a log: give FROM as ${log}\n`);
    expect(code).toBe(1);
  });
});

describe('a log started where a log already sits under its index or bookmarks name', () => {
  // A log named notes.index, started first, is allowed (it is a log); notes started after would
  // write its index, or its bookmarks, over it.
  it.each([
    ['init', '.index', (at: string) => ['init', '--log', at, '--title', 'Notes']],
    ['init', '.bookmarks.json', (at: string) => ['init', '--log', at, '--title', 'Notes']],
    ['copy', '.index', (at: string) => ['copy', BUILT_IN_LOG, at]],
  ])('%s beside a log named like its %s is refused, and that log is left whole', async (_command, suffix, args) => {
    const notes = join(mkdtempSync(join(tmpdir(), 'incumbent-beside-')), 'notes');
    expect((await runCli(['init', '--log', `${notes}${suffix}`, '--title', 'Named like a side file'])).code).toBe(0);
    const before = readFileSync(`${notes}${suffix}`, 'utf8');
    const { code, err } = await runCli(args(notes));
    expect(err).toContain(`cannot start a log at ${notes}: ${notes}${suffix} is a log, and this one's `);
    expect(code).not.toBe(0);
    expect(readFileSync(`${notes}${suffix}`, 'utf8')).toBe(before);
    expect(readdirSync(dirname(notes)).filter((name) => name === 'notes')).toEqual([]);
  });
});
