import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, copyFileSync, existsSync, linkSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION, BUILT_IN_LOG } from './commands';
import { runCli as run } from './run-cli.test-support';

const tempDir = () => mkdtempSync(join(tmpdir(), 'incumbent-cli-'));
const copyOfDataset = () => {
  const path = join(tempDir(), 'openai.jsonl');
  copyFileSync(BUILT_IN_LOG, path);
  return path;
};
const event = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    type: 'board.joined',
    subject: 'openai',
    time: '2023-12-04T12:00:00-08:00',
    timezone: 'America/Los_Angeles',
    data: { certainty: 'confirmed', citation: { document: 'A test gazette', quote: 'Dana Example joins the board.' }, person: { id: 'dana-example', name: 'Dana Example' } },
    ...extra,
  });

describe('incumbent', () => {
  it('prints general help and per-command help', async () => {
    expect((await run(['--help'])).out).toMatch(/snapshot\s+the state at a moment/);
    for (const command of ['snapshot', 'verify', 'append', 'diff', 'events']) {
      const { code, out } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: incumbent ${command}`));
    }
    expect((await run(['frobnicate'])).code).toBe(1);
    // The version, as a user of any command line tool asks for it (it was an unknown command).
    for (const flag of ['--version', '-V']) expect(await run([flag])).toMatchObject({ code: 0, out: `incumbent ${APP_VERSION}\n` });
    expect((await run(['snapshot', '--when', 'now'])).err).toMatch(/Unknown option '--when'/);
  });

  it('lists one line per event: a line break in a statement cannot print a line that passes for another event', async () => {
    const log = copyOfDataset();
    const spoof = JSON.stringify({ id: 'spoof', type: 'statement.made', subject: 'openai', time: '2023-12-04T12:00:00-08:00', timezone: 'America/Los_Angeles', data: { certainty: 'confirmed', citation: { document: 'A test gazette', quote: 'She said so.' }, person: { id: 'dana-example', name: 'Dana Example' }, text: 'We are fine.\nDec 5, 2023  #99  role.assumed  openai  Mallory became CEO' } });
    expect((await run(['append', '--log', log], spoof)).out).toMatch(/^appended #\d+ spoof statement.made .*We are fine\. \u21b5 Dec 5, 2023 {2}#99 .*\n$/);
    const { out } = await run(['events', '--log', log, '--from', '2023-12-01T00:00:00Z']);
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('We are fine. \u21b5 Dec 5, 2023');
  });

  it('says what a corrected correction now holds in the corrected fact\'s words', async () => {
    const log = copyOfDataset();
    const dana = (name: string) => ({ certainty: 'confirmed', citation: { document: 'A test gazette', quote: 'Dana joins.' }, person: { id: 'dana-example', name } });
    const fix = (id: string, target: string, name: string) => JSON.stringify({ id, type: 'event.corrected', subject: 'openai', time: '2023-12-05T12:00:00-08:00', timezone: 'America/Los_Angeles', data: { target, reason: 'Spelling.', citation: { document: 'A test gazette', quote: 'Corrected.' }, data: dana(name) } });
    await run(['append', '--log', log], [event('dana'), fix('fix-1', 'dana', 'Dana Exampel'), fix('fix-2', 'fix-1', 'Dana Example')].join('\n'));
    const { out } = await run(['events', '--log', log, '--from', '2023-12-01T00:00:00Z']);
    expect(out).toContain('[corrected by #');
    expect(out).toContain('now: Dana Example joined the board]');
    expect(out).not.toContain('undefined');
  });

  it('refuses input that is not UTF-8 (a Latin-1 file), naming its line, and writes nothing', async () => {
    const log = copyOfDataset();
    const before = readFileSync(log);
    const input = join(tempDir(), 'latin1.jsonl');
    writeFileSync(input, Buffer.from(`${event('dana-ok')}\n${event('rene', { data: { certainty: 'confirmed', citation: { document: 'Gazette', quote: 'René joins.' }, person: { id: 'rene', name: 'René' } } })}\n`, 'latin1'));
    const { code, err } = await run(['append', '--log', log, input]);
    expect({ code, err }).toMatchObject({ code: 1, err: expect.stringMatching(/INPUT: .*latin1\.jsonl is not UTF-8 \(line 2 is not\): save it as UTF-8 and try again/) });
    expect(readFileSync(log).equals(before)).toBe(true);
  });

  it('refuses a bare path where the log is an option, and says how to give it', async () => {
    const { code, err } = await run(['verify', 'mine.jsonl']);
    expect(code).toBe(1);
    expect(err).toMatch(/^incumbent verify: Unexpected argument 'mine.jsonl': this command takes only options; if it is the log, give --log mine.jsonl\n/);
    expect((await run(['events', 'a.jsonl', 'b.jsonl'])).err).toMatch(/^incumbent events: Unexpected argument 'a.jsonl': this command takes only options\n/);
  });

  describe('snapshot', () => {
    it('prints the snapshot of the built-in dataset at a moment', async () => {
      const { code, out } = await run(['snapshot', '--at', '2023-11-18T12:00:00-08:00']);
      expect(code).toBe(0);
      const doc = JSON.parse(out);
      expect(doc.companies[0].roles.find((r: { role: string }) => r.role === 'CEO')).toMatchObject({ person: { name: 'Mira Murati' }, interim: true });
      expect(doc.provenance).toMatchObject({ at: '2023-11-18T20:00:00.000Z', knownAt: null, log: { id: 'openai-2023-11' } });
    });

    it('never writes --out over the log read or a file kept beside it, and names a missing folder', async () => {
      const log = copyOfDataset();
      copyFileSync(`${BUILT_IN_LOG}.head`, `${log}.head`);
      const link = join(tempDir(), 'same-log.jsonl');
      linkSync(log, link);
      const files = [log, `${log}.head`, link];
      const before = files.map((f) => readFileSync(f));
      for (const out of [log, `${log}.head`, `${log}.index`, link]) {
        const { code, err } = await run(['snapshot', '--log', log, '--at', '2023-11-20T12:00:00-08:00', '--out', out]);
        expect(code).toBe(1);
        expect(err).toMatch(/--out: .* is the log read, or a file kept beside it: write the snapshot elsewhere/);
      }
      expect(files.map((f) => readFileSync(f))).toEqual(before);
      expect(existsSync(`${log}.index`)).toBe(false);
      const nowhere = join(tempDir(), 'no-such-folder', 'snap.json');
      expect((await run(['snapshot', '--log', log, '--at', '2023-11-20T12:00:00-08:00', '--out', nowhere])).err).toMatch(/--out: cannot write .*snap\.json: there is no folder .*no-such-folder\n/);
    });

    it('writes --out, honours --known-at and --company', async () => {
      const out = join(tempDir(), 'snap.json');
      const { code } = await run(['snapshot', '--at', '2023-11-20T12:00:00-08:00', '--known-at', '2023-11-20T20:00:00Z', '--company', 'openai', '--out', out]);
      expect(code).toBe(0);
      const doc = JSON.parse(readFileSync(out, 'utf8'));
      expect(doc.provenance.head.seq).toBe(29);
      expect(doc.companies[0].petitions[0].signatories).toBe(500);
      // RFC 3339 lets the T and the Z be written in lower case: the same moments, the same snapshot.
      const lower = join(tempDir(), 'lower.json');
      expect((await run(['snapshot', '--at', '2023-11-20t12:00:00-08:00', '--known-at', '2023-11-20t20:00:00z', '--company', 'openai', '--out', lower])).code).toBe(0);
      expect(readFileSync(lower, 'utf8')).toBe(readFileSync(out, 'utf8'));
    });

    it('exits 1 on a missing or malformed --at, or an unknown company', async () => {
      expect(await run(['snapshot'])).toMatchObject({ code: 1, err: expect.stringMatching(/--at: is required/) });
      expect(await run(['snapshot', '--at', '18 Nov'])).toMatchObject({ code: 1, err: expect.stringMatching(/--at: "18 Nov" must be an RFC 3339/) });
      expect(await run(['snapshot', '--at', '2023-11-18T12:00:00Z', '--company', 'globex'])).toMatchObject({ code: 1, err: expect.stringMatching(/company: no company "globex"/) });
      expect(await run(['snapshot', '--at', '2023-11-18T12:00:00Z', '--log', '/nonexistent/log.jsonl'])).toMatchObject({ code: 1, err: expect.stringMatching(/no log at/) });
    });
  });

  describe('verify', () => {
    it('passes on the built-in dataset with a one-line summary', async () => {
      const { code, out } = await run(['verify']);
      expect(code).toBe(0);
      expect(out).toMatch(/^ok: \d+ records, 1 company \(openai\), "OpenAI leadership crisis, November 2023", head \d+ [0-9a-f]{64}; end matches its head anchor\n$/);
    });

    it('exits 2 with the line and reason on a damaged or torn log, without changing it', async () => {
      const path = copyOfDataset();
      const lines = readFileSync(path, 'utf8').split('\n');
      lines[4] = lines[4]!.replace('Sam Altman', 'Sam Altmann');
      writeFileSync(path, lines.join('\n'));
      expect(await run(['verify', '--log', path])).toMatchObject({ code: 2, err: expect.stringMatching(/line 6: hash chain broken/) });
      const torn = copyOfDataset();
      appendFileSync(torn, '{"half');
      const bytes = readFileSync(torn);
      expect(await run(['verify', '--log', torn])).toMatchObject({ code: 2, err: expect.stringMatching(/line \d+: incomplete last line/) });
      expect(readFileSync(torn)).toEqual(bytes);
    });
  });

  describe('append', () => {
    it('appends from a file, then skips the same ids, and verify still passes', async () => {
      const path = copyOfDataset();
      const input = join(tempDir(), 'new.jsonl');
      writeFileSync(input, `${event('dana-joins')}\n`);
      const first = await run(['append', '--log', path, input]);
      expect(first).toMatchObject({ code: 0, out: expect.stringMatching(/^appended #57 dana-joins board\.joined Dana Example joined the board/) });
      expect((await run(['append', '--log', path, input])).out).toBe('skipped dana-joins (already in the log)\n');
      expect((await run(['verify', '--log', path])).code).toBe(0);
    });

    it('reads standard input and is all-or-nothing', async () => {
      const path = copyOfDataset();
      const before = readFileSync(path);
      const bad = await run(['append', '--log', path, '-'], `${event('ok')}\n${event('bad', { time: 'yesterday' })}\n`);
      expect(bad).toMatchObject({ code: 1, err: expect.stringMatching(/event 2\.time: must be an RFC 3339/) });
      expect(readFileSync(path)).toEqual(before);
      expect((await run(['append', '--log', path], `${event('ok')}\n`)).code).toBe(0);
    });

    it('requires --log, and exits 2 when the log is locked', async () => {
      expect(await run(['append'], event('x'))).toMatchObject({ code: 1, err: expect.stringMatching(/--log: is required/) });
      const path = copyOfDataset();
      writeFileSync(`${path}.lock`, JSON.stringify({ pid: process.pid, host: (await import('node:os')).hostname(), since: 'now' }));
      expect(await run(['append', '--log', path], event('x'))).toMatchObject({ code: 2, err: expect.stringMatching(/already open for writing/) });
    });
  });

  describe('diff and events', () => {
    it('diff prints governance changes, or JSON', async () => {
      const args = ['diff', '--from', '2023-11-17T00:00:00-08:00', '--to', '2023-11-18T00:00:00-08:00'];
      const text = await run(args);
      expect(text.out).toContain('Sam Altman left CEO (fired)\nMira Murati became interim CEO\n');
      const json = JSON.parse((await run([...args, '--json'])).out);
      expect(json[0]).toMatchObject({ kind: 'role-left', role: 'CEO', cause: 'fired' });
      expect((await run(['diff', '--from', '2023-11-17T00:00:00-08:00'])).code).toBe(1);
    });

    it('events lists by effective time, filtered by time and type', async () => {
      const { out } = await run(['events', '--from', '2023-11-19T00:00:00-08:00', '--to', '2023-11-19T23:59:00-08:00', '--type', 'role']);
      expect(out).toBe('Nov 19, 2023  #25  role.assumed  openai  Emmett Shear became interim CEO\n');
      const json = JSON.parse((await run(['events', '--type', 'statement.made', '--json'])).out);
      expect(json.map((r: { data: { person: { name: string } } }) => r.data.person.name)).toEqual(['Ilya Sutskever', 'Anna Makanju', 'Sam Altman', 'Emmett Shear', 'Greg Brockman', 'Sam Altman', 'Sam Altman']);
    });

    it('events names a resolved item by what opened it, even when the list leaves the opening out', async () => {
      const { out } = await run(['events', '--from', '2023-11-29T00:00:00-08:00', '--type', 'pending']);
      expect(out).toContain('Resolved “Jobs at Microsoft for OpenAI researchers and other workers” (lapsed): OpenAI lost no employee\n');
    });

    it('events marks revised events with what replaced them, and leaves log.created out of history', async () => {
      const { out } = await run(['events', '--type', 'petition']);
      expect(out).toMatch(/500 signatories \(reported\) {2}\[corrected by #\d+: The letter itself gives 490 signatories, not "nearly 500"; now: Petition "Staff letter to the board": 490 signatories\]\n/);
      const json = JSON.parse((await run(['events', '--type', 'petition', '--json'])).out);
      expect(json[0]).toMatchObject({ id: 'openai-2023-11-027', revisedby: 'openai-2023-11-029' });
      expect((await run(['events'])).out).not.toMatch(/log\.created/);
      expect((await run(['events', '--type', 'log'])).out).toMatch(/log\.created/);
    });
  });

  it('refuses a device as an input file (it would be read for ever), and reads a pipe to its end', async () => {
    const log = copyOfDataset();
    const before = readFileSync(log);
    const refused = await run(['append', '--log', log, '/dev/zero']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/INPUT: cannot read \/dev\/zero: it is a device or socket, not a file/);
    expect((await run(['verify', '--log', log, '--snapshot', '/dev/zero'])).err).toMatch(/--snapshot: cannot read \/dev\/zero: it is a device/);
    expect(readFileSync(log).equals(before)).toBe(true);
    const fifo = join(tempDir(), 'events.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '%s\\n' '${event('dana-piped')}' > "${fifo}"`]);
    const exited = once(writer, 'exit');
    const appended = await run(['append', '--log', log, fifo]);
    await exited;
    expect(appended.out).toMatch(/^appended #\d+ dana-piped /);
  });

  it('names a filter or an argument that cannot mean anything, rather than answering with nothing', async () => {
    const refused = async (argv: string[]) => {
      const { code, out, err } = await run(argv);
      expect(code).toBe(1);
      expect(out).toBe('');
      return err;
    };
    expect(await refused(['events', '--company', 'nope'])).toMatch(/--company: no company "nope" in this log/);
    expect(await refused(['events', '--type', 'frob'])).toMatch(/--type: no event type is "frob" or starts with "frob\." \(types: .*role\.assumed/);
    expect(await refused(['events', '--from', '2023-11-20T00:00:00Z', '--to', '2023-11-19T00:00:00Z'])).toMatch(/--to: is before --from/);
    expect(await refused(['diff', '--from', '2023-11-20T00:00:00Z', '--to', '2023-11-19T00:00:00Z'])).toMatch(/--to: is before --from \(2023-11-20T00:00:00Z\): give the earlier/);
    expect(await refused(['snapshot', '--at', '2023-11-20T00:00:00Z', '--at', '2023-11-19T00:00:00Z'])).toMatch(/Option '--at' is given more than once; give it once/);
    expect(await refused(['events', '--json', '--type', 'role', '--json'])).toMatch(/Option '--json' is given more than once/);
    // Given empty (a script's unset variable), an option would read as not given: verify would skip the head check asked for.
    expect(await refused(['verify', '--head', ''])).toMatch(/Option '--head' is empty; give it a value or leave it out/);
    // A SEQ past 2^53 (a typo) is no record number, not records removed: said as typed, exit 1.
    expect(await refused(['verify', '--head', `99999999999999999999:${'a'.repeat(64)}`])).toMatch(/--head: ".*": 99999999999999999999 is more records than any log holds/);
    // One the command cannot do without: leaving it out is no way out.
    expect(await refused(['init', '--log', 'x.jsonl', '--title', '  '])).toMatch(/Option '--title' is empty; give it a value\n/);
    expect(await refused(['snapshot', '--at', ''])).toMatch(/Option '--at' is empty; give it a value\n/);
    expect(await refused(['snapshot', '--at', '9999-12-31T23:59:59-12:00'])).toMatch(/--at: "9999-12-31T23:59:59-12:00" must be from year 0000 to 9999 in UTC/);
    expect(await refused(['snapshot', '--at', '2023-11-20T00:00:00Z', '--out', ' '])).toMatch(/Option '--out' is empty/);
    const log = copyOfDataset();
    const before = readFileSync(log);
    const input = join(tempDir(), 'one.jsonl');
    writeFileSync(input, `${event('dana-one')}\n`);
    expect(await refused(['append', '--log', log, input, input])).toMatch(/INPUT: takes one input file, not 2/);
    expect(readFileSync(log).equals(before)).toBe(true);
  });
});
