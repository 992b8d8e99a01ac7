/** The CLI's promises about damage, external anchors and bad input, tried as a careless user would. */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlockHash } from '../store/block-hash';
import { indexOf, indexPath, storeIndex } from '../store/index-cache';
import { readLog } from '../store/read-log';
import { BUILT_IN_LOG } from './commands';
import { copyOfDataset as copyIn, runCli as run } from './run-cli.test-support';

const tempDir = () => mkdtempSync(join(tmpdir(), 'incumbent-cli-integrity-'));
const copyOfDataset = () => copyIn(tempDir());
const lines = (path: string) => readFileSync(path, 'utf8').trimEnd().split('\n');
const event = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    type: 'statement.made',
    subject: 'openai',
    time: '2023-11-29T12:00:00-08:00',
    timezone: 'America/Los_Angeles',
    data: { certainty: 'confirmed', citation: { document: 'OpenAI blog', quote: 'We are back.' }, person: { id: 'sam-altman', name: 'Sam Altman' }, text: 'We are back.' },
    ...extra,
  });

describe('a log whose end was changed', () => {
  it('deleting the last line: verify exits 2, writers refuse, read commands answer and warn', async () => {
    const path = copyOfDataset();
    const all = lines(path);
    writeFileSync(path, `${all.slice(0, -1).join('\n')}\n`);
    const bytes = readFileSync(path);
    expect(await run(['verify', '--log', path])).toMatchObject({ code: 2, err: expect.stringMatching(new RegExp(`records #\\d+-#${all.length} were acknowledged but are missing`)) });
    const append = await run(['append', '--log', path], event('late'));
    expect(append).toMatchObject({ code: 2, err: expect.stringMatching(/not opened for writing/) });
    expect(readFileSync(path)).toEqual(bytes);
    const snapshot = await run(['snapshot', '--log', path, '--at', '2023-11-18T12:00:00-08:00']);
    expect(snapshot.code).toBe(0);
    expect(snapshot.err).toMatch(/^warning: records #\d+-#\d+ were acknowledged but are missing.*Answers below come from the \d+ records that are in the file/);
    for (const command of [['events'], ['diff', '--from', '2023-11-17T00:00:00Z', '--to', '2023-11-22T00:00:00Z']]) {
      expect((await run([...command, '--log', path])).err).toMatch(/^warning: /);
    }
  });

  it('editing the last line (the audit\'s sed): verify exits 2 and append refuses to build on it', async () => {
    const path = copyOfDataset();
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"certainty":"confirmed"(?=[^\n]*\n$)/, '"certainty":"bogus"'));
    const bytes = readFileSync(path);
    expect((await run(['verify', '--log', path])).code).toBe(2);
    expect((await run(['append', '--log', path], event('late'))).code).toBe(2);
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('a log without its anchor is checked in full: an invalid last record is refused there too', async () => {
    const path = join(tempDir(), 'bare.jsonl');
    writeFileSync(path, readFileSync(BUILT_IN_LOG, 'utf8').replace(/"certainty":"confirmed"(?=[^\n]*\n$)/, '"certainty":"bogus"'));
    expect(await run(['append', '--log', path], event('late'))).toMatchObject({ code: 2, err: expect.stringMatching(/line \d+: data.certainty/) });
  });

  it('a torn last write is ignored with a warning by read commands and refused by verify', async () => {
    const path = copyOfDataset();
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('{"specversion":"1.0","id":"half')]));
    expect((await run(['verify', '--log', path])).code).toBe(2);
    const events = await run(['events', '--log', path]);
    expect(events).toMatchObject({ code: 0, err: expect.stringMatching(/warning: line \d+: incomplete last line/) });
  });
});

describe('a log written before today\'s content rules', () => {
  it('still opens, replays and verifies; the records that break a newer rule are named, not refused', async () => {
    const { sealRecord, sha256 } = await import('../store/seal');
    const path = join(tempDir(), 'old.jsonl');
    // The dataset's first two records, resealed as single appends, then one with a 3,000-character quote.
    const second = JSON.parse(lines(BUILT_IN_LOG)[1]!);
    const reseal = (record: { recordedtime: string }, id: string, seq: number, prev: string) => sealRecord({ ...record, id } as never, { id, seq, prevhash: sha256(prev), recordedtime: record.recordedtime }).line;
    const two = reseal(second, second.id, 2, lines(BUILT_IN_LOG)[0]!);
    const long = { ...second, data: { ...second.data, citation: { ...second.data.citation, quote: 'q'.repeat(3_000) } } };
    writeFileSync(path, `${lines(BUILT_IN_LOG)[0]}\n${two}\n${reseal(long, 'long-quote', 3, two)}\n`);
    // Written by hand, it has no anchor until it is first opened for writing.
    expect((await run(['append', '--log', path], event('after'))).code).toBe(0);
    expect(await run(['verify', '--log', path])).toMatchObject({ code: 0, out: expect.stringMatching(/1 record\(s\) were written before today's content rules .* line 3: data.citation.quote/) });
  });
});

describe('external anchors', () => {
  it('verify --head checks that record SEQ still has the published hash', async () => {
    const path = copyOfDataset();
    const head = /head (\d+) ([0-9a-f]{64})/.exec((await run(['verify', '--log', path])).out)!;
    expect(await run(['verify', '--log', path, '--head', `${head[1]}:${head[2]}`])).toMatchObject({ code: 0, out: expect.stringMatching(/head #\d+ matches/) });
    expect(await run(['verify', '--log', path, '--head', `${head[1]}:${head[2]!.toUpperCase()}`])).toMatchObject({ code: 0, out: expect.stringMatching(/head #\d+ matches/) });
    expect(await run(['verify', '--log', path, '--head', `0:${head[2]}`])).toMatchObject({ code: 1, err: expect.stringMatching(/--head: "0:[0-9a-f]{64}": records are numbered from 1/) });
    expect(await run(['verify', '--log', path, '--head', `3:${head[2]}`])).toMatchObject({ code: 2, err: expect.stringMatching(/record #3 has hash [0-9a-f]{64}, not the published/) });
    expect(await run(['verify', '--log', path, '--head', `9999:${head[2]}`])).toMatchObject({ code: 2, err: expect.stringMatching(/no record #9999/) });
    expect(await run(['verify', '--log', path, '--head', 'latest'])).toMatchObject({ code: 1, err: expect.stringMatching(/--head: "latest" must be SEQ:HASH/) });
  });

  it('a forger who rewrites a line, the chain after it and the anchor is caught by a published head', async () => {
    const path = copyOfDataset();
    const published = /head (\d+) ([0-9a-f]{64})/.exec((await run(['verify', '--log', path])).out)!;
    const { sha256 } = await import('../store/seal');
    const all = lines(path);
    all[4] = all[4]!.replace('"certainty":"confirmed"', '"certainty":"reported"');
    for (let i = 5; i < all.length; i++) all[i] = JSON.stringify({ ...JSON.parse(all[i]!), prevhash: sha256(all[i - 1]!) });
    writeFileSync(path, `${all.join('\n')}\n`);
    const { rmSync } = await import('node:fs');
    rmSync(`${path}.head`);
    // Without the anchor, verify cannot tell that the end is the one written, and says so; a published head can.
    expect(await run(['verify', '--log', path])).toMatchObject({ code: 2, err: expect.stringMatching(/no head anchor .* records cut from its end, or its last records rewritten, could not be detected/) });
    expect((await run(['verify', '--log', path, '--head', `${published[1]}:${published[2]}`])).code).toBe(2);
  });

  it('a log without its anchor verifies against a published snapshot of its last record, as against a published head', async () => {
    const path = copyOfDataset();
    const snap = join(tempDir(), 'snap.json');
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-20T12:00:00-08:00', '--out', snap])).code).toBe(0);
    rmSync(`${path}.head`);
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 0, out: expect.stringMatching(/at head #\d+ matches/) });
    // One of an earlier head says nothing of the end.
    expect((await run(['append', '--log', path], event('later'))).code).toBe(0);
    rmSync(`${path}.head`);
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/no head anchor/) });
  });

  it('verify --snapshot accepts a snapshot of this log, also after the log grew, and refuses an edited one', async () => {
    const path = copyOfDataset();
    const snap = join(tempDir(), 'snap.json');
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-20T12:00:00-08:00', '--known-at', '2023-11-21T00:00:00Z', '--out', snap])).code).toBe(0);
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 0, out: expect.stringMatching(/snapshot of 2023-11-20T20:00:00.000Z at head #\d+ matches/) });
    expect((await run(['append', '--log', path], event('later'))).code).toBe(0);
    expect((await run(['verify', '--log', path, '--snapshot', snap])).code).toBe(0);
    writeFileSync(snap, readFileSync(snap, 'utf8').replace('Emmett Shear', 'Someone Else'));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
    // A later known-at keeps the old head; a field the format does not have is an edit as well.
    const fresh = (await run(['snapshot', '--log', path, '--at', '2023-11-20T12:00:00-08:00', '--known-at', '2023-11-21T00:00:00Z', '--out', snap])).code;
    expect(fresh).toBe(0);
    const exported = JSON.parse(readFileSync(snap, 'utf8'));
    writeFileSync(snap, JSON.stringify({ ...exported, provenance: { ...exported.provenance, knownAt: '2023-12-01T00:00:00.000Z' } }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/as known at 2023-12-01T00:00:00.000Z, when this log's head was #\d+, not its #\d+: the snapshot was edited/) });
    writeFileSync(snap, JSON.stringify({ ...exported, note: 'added' }));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
    writeFileSync(snap, JSON.stringify(exported, null, 2));
    expect((await run(['verify', '--log', path, '--snapshot', snap])).code).toBe(0);
    writeFileSync(snap, '{"not":"a snapshot"}');
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 1, err: expect.stringMatching(/--snapshot: .* is not an Incumbent snapshot: format: Invalid input: expected "incumbent.snapshot\/4"/) });
    writeFileSync(snap, '{"provenance":');
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 1, err: expect.stringMatching(/--snapshot: .* is not an Incumbent snapshot: it is not JSON \(/) });
  });

  it('verify --snapshot names a snapshot of another log as the wrong pairing (exit 1), not as damage', async () => {
    const path = copyOfDataset();
    const other = join(tempDir(), 'other.jsonl');
    expect((await run(['init', '--log', other, '--title', 'Another log'])).code).toBe(0);
    const snap = join(tempDir(), 'snap.json');
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-20T12:00:00-08:00', '--out', snap])).code).toBe(0);
    expect(await run(['verify', '--log', other, '--snapshot', snap])).toMatchObject({ code: 1, err: expect.stringMatching(/--snapshot: .*snap.json is a snapshot of log "openai-2023-11", not of this log \(".+"\): verify it against that log/) });
  });
});

describe('init', () => {
  it('refuses to start a log beside the anchor of a deleted one, which would outrank its own', async () => {
    const path = join(tempDir(), 'again.jsonl');
    expect((await run(['init', '--log', path, '--title', 'First'])).code).toBe(0);
    expect((await run(['append', '--log', path], event('one'))).code).toBe(0);
    rmSync(path);
    expect(await run(['init', '--log', path, '--title', 'Second'])).toMatchObject({ code: 1, err: expect.stringMatching(/^incumbent init: cannot start a log at .*again\.jsonl: .*again\.jsonl\.head exists \(the anchor of another log\); remove it first/) });
    rmSync(`${path}.head`);
    expect((await run(['init', '--log', path, '--title', 'Second'])).code).toBe(0);
    const link = join(tempDir(), 'link.jsonl');
    symlinkSync(join(tempDir(), 'nowhere.jsonl'), link);
    expect(await run(['init', '--log', link, '--title', 'Linked'])).toMatchObject({ code: 1, err: expect.stringMatching(/^incumbent init: cannot start a log at .*link\.jsonl: it is a symbolic link to .*nowhere\.jsonl, which does not exist/) });
    expect((await run(['verify', '--log', path])).code).toBe(0);
  });

  it('starts a log that append then takes, names its company, and never overwrites a file', async () => {
    const path = join(tempDir(), 'acme.jsonl');
    const created = await run(['init', '--log', path, '--title', 'Acme leadership', '--company', 'acme', '--name', 'Acme Corp']);
    expect(created).toMatchObject({ code: 0, out: expect.stringMatching(/^created .*acme.jsonl: "Acme leadership" following Acme Corp \(acme\)/) });
    const board = JSON.stringify({ type: 'board.joined', subject: 'acme', time: '2022-01-03T09:00:00Z', timezone: 'UTC', data: { certainty: 'confirmed', citation: { document: 'Annual report', quote: 'Ann joined.' }, person: { id: 'ann-lee', name: 'Ann Lee' } } });
    expect((await run(['append', '--log', path], board)).code).toBe(0);
    const snapshot = JSON.parse((await run(['snapshot', '--log', path, '--at', '2022-06-01T00:00:00Z'])).out);
    expect(snapshot.companies[0]).toMatchObject({ id: 'acme', name: 'Acme Corp' });
    expect((await run(['verify', '--log', path])).code).toBe(0);
    expect(await run(['init', '--log', path, '--title', 'Again'])).toMatchObject({ code: 1, err: expect.stringMatching(/already exists; init never overwrites/) });
    // A folder that is not there is said, exit 1, and nothing is made (not the lock's ENOENT, exit 2).
    const nowhere = join(tempDir(), 'no-such-folder', 'n.jsonl');
    expect(await run(['init', '--log', nowhere, '--title', 'Nowhere'])).toMatchObject({ code: 1, err: expect.stringMatching(/cannot start a log at .*n\.jsonl: there is no folder .*no-such-folder\n/) });
    expect(existsSync(dirname(nowhere))).toBe(false);
    expect(await run(['init', '--log', join(tempDir(), 'x.jsonl'), '--title', 'X', '--company', 'Not A Slug'])).toMatchObject({ code: 1, err: expect.stringMatching(/--company: must be lower-case/) });
  });

  it('append to a missing or empty file says how to start a log', async () => {
    const dir = tempDir();
    expect(await run(['append', '--log', join(dir, 'none.jsonl')], '{}')).toMatchObject({ code: 1, err: expect.stringMatching(/incumbent init --log/) });
    writeFileSync(join(dir, 'empty.jsonl'), '');
    expect(await run(['append', '--log', join(dir, 'empty.jsonl')], '{}')).toMatchObject({ code: 1, err: expect.stringMatching(/is empty.*incumbent init/) });
  });
});

describe('bad input is exit 1 with a plain sentence', () => {
  it('a missing, unreadable or folder input, and a folder as the log', async () => {
    const dir = tempDir();
    const path = copyOfDataset();
    expect(await run(['append', '--log', path, join(dir, 'missing.jsonl')])).toMatchObject({ code: 1, err: expect.stringMatching(/INPUT: cannot read .*missing.jsonl: there is no such file/) });
    expect(await run(['append', '--log', path, dir])).toMatchObject({ code: 1, err: expect.stringMatching(/it is a folder, not a file/) });
    expect(await run(['snapshot', '--log', dir, '--at', '2023-11-18T12:00:00Z'])).toMatchObject({ code: 1, err: expect.stringMatching(/is a folder, not a log file/) });
    expect(await run(['verify', '--log', join(dir, 'nothing.jsonl')])).toMatchObject({ code: 1, err: expect.stringMatching(/no log at .*nothing\.jsonl \(start one with: incumbent init --log /) });
    expect(await run(['snapshot', '--at', '2023-11-18T12:00:00Z', '--out', join(dir, 'no', 'such', 'dir.json')])).toMatchObject({ code: 1, err: expect.stringMatching(/--out: cannot write/) });
    for (const { err } of [await run(['append', '--log', path, dir])]) expect(err).not.toMatch(/E[A-Z]{3,}:/);
  });

  it('an id reused with other content is a conflict naming the id (exit 1); the same event again is a no-op', async () => {
    const path = copyOfDataset();
    expect((await run(['append', '--log', path], event('once'))).code).toBe(0);
    const bytes = readFileSync(path);
    expect(await run(['append', '--log', path], event('once'))).toMatchObject({ code: 0, out: expect.stringMatching(/skipped once/) });
    const changed = await run(['append', '--log', path], event('once', { time: '2023-11-30T12:00:00-08:00' }));
    expect(changed).toMatchObject({ code: 1, err: expect.stringMatching(/event 1.id: id "once" is already used by record #\d+ with a different time/) });
    expect(readFileSync(path)).toEqual(bytes);
  });
});

describe('an index beside the log that does not hold what the log gives', () => {
  it('is reported by verify (exit 2), and once deleted the answers are the log’s again', async () => {
    const path = copyOfDataset();
    const logHash = new BlockHash().update(readFileSync(path)).digest();
    const full = await readLog(path);
    const forged = indexOf({ ...full, source: full.source! });
    // Forged: every fact of the company hidden, the log's bytes untouched.
    for (const { entries } of forged.ledger.timelines) entries.hiddenFrom.fill(1);
    await storeIndex(path, forged, logHash);
    full.source!.close();
    const at = ['snapshot', '--log', path, '--at', '2023-11-18T12:00:00-08:00'];
    const forgedAnswer = await run(at);
    expect(forgedAnswer.code).toBe(0);

    const verify = await run(['verify', '--log', path]);
    expect(verify).toMatchObject({ code: 2, err: expect.stringMatching(/the index beside the log \(.*\.index\) does not hold what the log's records give/) });
    rmSync(indexPath(path));
    const honest = await run(at);
    expect(honest.out).not.toBe(forgedAnswer.out);
    expect(JSON.parse(honest.out).companies[0].roles.length).toBeGreaterThan(0);

    // A genuine index: verify says it matches.
    const again = await readLog(path);
    await storeIndex(path, indexOf({ ...again, source: again.source! }), logHash);
    again.source!.close();
    expect(await run(['verify', '--log', path])).toMatchObject({ code: 0, out: expect.stringMatching(/the index beside it matches the log/) });
    expect((await run(at)).out).toBe(honest.out);

    // Forged: one id's entry in the id table moved off its hash, so the app would not find that id
    // (and would take a second record under it). The table is otherwise consistent; verify finds it.
    const third = await readLog(path);
    const missing = indexOf({ ...third, source: third.source! });
    third.source!.close();
    const slot = missing.ledger.ids.seqs.findIndex((seq) => seq !== 0);
    missing.ledger.ids.hashes[slot]! ^= 1;
    await storeIndex(path, missing, logHash);
    expect(await run(['verify', '--log', path])).toMatchObject({ code: 2, err: expect.stringMatching(/does not hold what the log's records give/) });
  });
});
