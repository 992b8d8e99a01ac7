/**
 * A snapshot given as `--log` (it is JSON, it came from `snapshot --out`) is a usage mistake, not
 * a damaged log: exit 1, saying it is a snapshot. A file that is neither stays a damaged log (2).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

const AT = '2023-11-20T12:00:00-08:00';

describe('a snapshot given where a log goes', () => {
  it('exits 1 saying the file is a snapshot, not a log, pretty-printed or on one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-snap-as-log-'));
    const [snap, oneLine] = [join(dir, 'snap.json'), join(dir, 'one-line.json')];
    expect((await run(['snapshot', '--at', AT, '--out', snap])).code).toBe(0);
    writeFileSync(oneLine, `${JSON.stringify(JSON.parse(readFileSync(snap, 'utf8')))}\n`);
    for (const file of [snap, oneLine]) {
      for (const argv of [['snapshot', '--at', AT, '--log', file], ['verify', '--log', file], ['events', '--log', file]]) {
        expect(await run(argv), argv.join(' ')).toMatchObject({ code: 1, err: expect.stringMatching(/is a snapshot \(incumbent\.snapshot\/\d+\), not a log: give the log it was made from/) });
      }
    }
  });

  it('says so of a snapshot on one line with no newline after it (read as a torn first line before), writing commands too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-snap-as-log-'));
    const [snap, bare] = [join(dir, 'snap.json'), join(dir, 'bare.json')];
    expect((await run(['snapshot', '--at', AT, '--out', snap])).code).toBe(0);
    const text = JSON.stringify(JSON.parse(readFileSync(snap, 'utf8')));
    writeFileSync(bare, text);
    for (const argv of [['snapshot', '--at', AT, '--log', bare], ['verify', '--log', bare], ['events', '--log', bare], ['append', '--log', bare]]) {
      expect(await run(argv), argv.join(' ')).toMatchObject({ code: 1, err: expect.stringMatching(/is a snapshot \(incumbent\.snapshot\/\d+\), not a log: give the log it was made from/) });
    }
    // Nothing moved aside or cut: the file is as it was.
    expect(readFileSync(bare, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['bare.json', 'snap.json']);
  });

  it('puts no control character or bidi override from the file on the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-snap-as-log-'));
    const crafted = join(dir, 'crafted.json');
    writeFileSync(crafted, JSON.stringify({ format: 'incumbent.snapshot/3\u001b[2J', provenance: { log: { title: 'Board\u001b]0;owned\u0007 \u202eevil' } } }, null, 2));
    const { code, err } = await run(['verify', '--log', crafted]);
    expect(code).toBe(1);
    expect(err).toMatch(/is a snapshot \(incumbent\.snapshot\/3\ufffd\[2J\), not a log: give the log it was made from \("Board\ufffd\]0;owned\ufffd \ufffdevil"\)/);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(err.trimEnd()).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('still exits 2 for a file damaged from its first line that is no snapshot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-snap-as-log-'));
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ format: 'something-else/1', companies: [] }, null, 2));
    expect(await run(['snapshot', '--at', AT, '--log', other])).toMatchObject({ code: 2, err: expect.stringMatching(/line 1: not valid JSON; the log was not opened/) });
  });
});
