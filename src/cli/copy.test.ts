/**
 * `incumbent copy` and every command on a PostgreSQL log: the built-in dataset copied file -> pg
 * -> file comes back byte for byte, with byte-identical snapshots, and verifies; a non-empty
 * target is refused. The PostgreSQL part is skipped, with the reason printed, where it cannot start.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from '../store/postgres/cluster.test-support';
import { BUILT_IN_LOG } from './commands';
import { main } from './main';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('copy.test.ts on PostgreSQL', skipped);
afterAll(() => cluster?.destroy());

const run = async (...argv: string[]) => {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '' });
  return { code, out, err };
};
const dir = () => mkdtempSync(join(tmpdir(), 'incumbent-copy-'));

describe('incumbent copy between files', () => {
  it('copies a file byte for byte with its anchor, and refuses a non-empty target', async () => {
    const to = join(dir(), 'copy.jsonl');
    expect(await run('copy', BUILT_IN_LOG, to)).toMatchObject({ code: 0, out: expect.stringMatching(/^copied \d+ records; both end at #\d+ [0-9a-f]{64}/) });
    expect(readFileSync(to)).toEqual(readFileSync(BUILT_IN_LOG));
    expect((await run('verify', '--log', to)).code).toBe(0);
    expect(await run('copy', BUILT_IN_LOG, to)).toMatchObject({ code: 1, err: expect.stringMatching(/is not empty; copy never overwrites/) });
    expect(await run('copy', BUILT_IN_LOG)).toMatchObject({ code: 1, err: expect.stringMatching(/exactly two/) });
  });

  it('names a folder given as TO as a folder, and leaves nothing in it or beside it', async () => {
    const folder = join(dir(), 'my logs');
    mkdirSync(folder);
    expect(await run('copy', BUILT_IN_LOG, folder)).toMatchObject({ code: 1, err: expect.stringContaining(`TO: ${folder} is a folder, not a log file: give the copy a file name, such as ${join(folder, 'copy.jsonl')}`) });
    expect(readdirSync(folder)).toEqual([]);
    expect(readdirSync(dirname(folder))).toEqual(['my logs']);
  });

  it('leaves nothing at TO when its write stops halfway, and the copy can be made again', async () => {
    const to = join(dir(), 'copy.jsonl');
    // The file-size limit cuts the write at a fixed byte, as a kill or a full disk would at some byte.
    const limitKiB = Math.floor(statSync(BUILT_IN_LOG).size / 2 / 1024);
    const bin = fileURLToPath(new URL('../../bin/incumbent.js', import.meta.url));
    const cut = spawnSync('sh', ['-c', `ulimit -f ${limitKiB} && exec "$0" "$@"`, process.execPath, bin, 'copy', BUILT_IN_LOG, to], { encoding: 'utf8' });
    expect(cut.status, cut.stderr).toBe(2);
    expect(readdirSync(dirname(to))).toEqual([]);
    expect(existsSync(to)).toBe(false);
    expect((await run('copy', BUILT_IN_LOG, to)).code).toBe(0);
    expect(readFileSync(to)).toEqual(readFileSync(BUILT_IN_LOG));
  });

  it('takes TO as an init stopped before its first write left it (an empty log, an empty anchor)', async () => {
    const to = join(dir(), 'copy.jsonl');
    for (const beside of ['', '.head']) writeFileSync(`${to}${beside}`, '');
    expect(await run('copy', BUILT_IN_LOG, to)).toMatchObject({ code: 0 });
    expect(readFileSync(to)).toEqual(readFileSync(BUILT_IN_LOG));
    expect(await run('verify', '--log', to)).toMatchObject({ code: 0, out: expect.stringMatching(/end matches its head anchor/) });
  });

  it('writes through nothing left at TO.copying (a link to another file, a stale partial copy): that file is untouched', async () => {
    const folder = dir();
    const to = join(folder, 'copy.jsonl');
    const other = join(folder, 'notes.txt');
    writeFileSync(other, 'not a log\n');
    for (const leave of [() => symlinkSync(other, `${to}.copying`), () => linkSync(other, `${to}.copying`), () => writeFileSync(`${to}.copying`, 'half a copy')]) {
      leave();
      expect(await run('copy', BUILT_IN_LOG, to)).toMatchObject({ code: 0 });
      expect(readFileSync(other, 'utf8')).toBe('not a log\n');
      expect(lstatSync(to).isFile()).toBe(true);
      expect(readFileSync(to)).toEqual(readFileSync(BUILT_IN_LOG));
      expect(existsSync(`${to}.copying`)).toBe(false);
      expect((await run('verify', '--log', to)).code).toBe(0);
      for (const beside of ['', '.head']) rmSync(`${to}${beside}`);
    }
  });
});

describe.skipIf(!cluster)(`incumbent on PostgreSQL${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('file -> pg -> file is byte-identical, verifies, and gives byte-identical snapshots', async () => {
    const url = cluster!.url('openai');
    const back = join(dir(), 'back.jsonl');
    expect((await run('copy', BUILT_IN_LOG, url)).code).toBe(0);
    expect(await run('verify', '--log', url)).toMatchObject({ code: 0, out: expect.stringMatching(/^ok: \d+ records.*in postgres:\/\/incumbent@127\.0\.0\.1:\d+\/postgres\?log=openai/) });
    expect((await run('copy', url, back)).code).toBe(0);
    expect(readFileSync(back)).toEqual(readFileSync(BUILT_IN_LOG));
    expect((await run('verify', '--log', back)).code).toBe(0);
    const at = ['--at', '2023-11-19T12:00:00-08:00'];
    const fromFile = await run('snapshot', ...at);
    const fromPg = await run('snapshot', ...at, '--log', url);
    expect(fromPg.code).toBe(0);
    expect(fromPg.out).toBe(fromFile.out);
    expect((await run('events', '--log', url)).out).toBe((await run('events')).out);
    expect(await run('copy', BUILT_IN_LOG, url)).toMatchObject({ code: 1, err: expect.stringMatching(/already holds a log; copy never overwrites/) });
  });

  it('appends to a PostgreSQL log with the CLI, and verify --head checks an external anchor there', async () => {
    const url = cluster!.url('cli-append');
    expect((await run('copy', BUILT_IN_LOG, url)).code).toBe(0);
    const input = join(dir(), 'in.jsonl');
    const event = { id: 'cli-pg-1', type: 'statement.made', subject: 'openai', time: '2023-11-30T12:00:00-08:00', timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation: { document: 'test', quote: 'A quote.' }, person: { id: 'sam-altman', name: 'Sam Altman' }, text: 'Back.' } };
    writeFileSync(input, `${JSON.stringify(event)}\n`);
    const appended = await run('append', '--log', url, input);
    expect(appended).toMatchObject({ code: 0, out: expect.stringMatching(/^appended #\d+ cli-pg-1/) });
    expect((await run('append', '--log', url, input)).out).toMatch(/skipped cli-pg-1/);
    const verified = await run('verify', '--log', url);
    const [, seq, hash] = /head (\d+) ([0-9a-f]{64})/.exec(verified.out)!;
    expect((await run('verify', '--log', url, '--head', `${seq}:${hash}`)).out).toMatch(/head #\d+ matches/);
    expect(await run('verify', '--log', cluster!.url('nothing-here'))).toMatchObject({ code: 1, err: expect.stringMatching(/no log "nothing-here"/) });
  });
});
