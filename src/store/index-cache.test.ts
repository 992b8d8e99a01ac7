import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateLog, HEAVY_COMPANY } from '../../bench/generate';
import type { Ledger } from '../core/ledger';
import type { LedgerIndex } from '../core/ledger-index';
import { parseDraft } from '../core/validate';
import { BlockHash } from './block-hash';
import { EventLog } from './event-log';
import { INDEX_FORMAT, indexOf, indexPath, storeIndex } from './index-cache';
import { readLog, type LogContents } from './read-log';

const tempLog = () => join(mkdtempSync(join(tmpdir(), 'incumbent-index-')), 'log.jsonl');
const keyOf = (bytes: Buffer) => new BlockHash().update(bytes).digest();

/** Stores the index of what `contents` read (what a writer does once it has read enough), changed by `change` if given. */
async function store(path: string, contents: LogContents, change?: (index: LedgerIndex) => void): Promise<void> {
  const stored = indexOf({ ...contents, source: contents.source! });
  change?.(stored.ledger);
  await storeIndex(path, stored, keyOf(readFileSync(path).subarray(0, contents.validBytes)));
}

/** Every question the app asks of a ledger, answered by both: they must agree. */
function expectSameAnswers(ledger: Ledger, reference: Ledger): void {
  expect(ledger.head).toBe(reference.head);
  expect([ledger.logId, ledger.title, ledger.followed]).toEqual([reference.logId, reference.title, reference.followed]);
  const records = [...reference.records()];
  expect([...ledger.records()]).toEqual(records);
  for (const record of records) {
    expect(ledger.byId(record.id)).toEqual(record);
    expect([ledger.effectOf(record.id), ledger.revisionOf(record.id), ledger.firstRevisionOf(record.id)]).toEqual([reference.effectOf(record.id), reference.revisionOf(record.id), reference.firstRevisionOf(record.id)]);
  }
  expect(ledger.companyNames()).toEqual(reference.companyNames());
  for (const company of reference.companies()) {
    expect(ledger.timeline(company)!.headState()).toEqual(reference.timeline(company)!.replayFromStart(Infinity, reference.head));
    const times = reference.timeline(company)!.times;
    expect(ledger.timeline(company)!.times).toEqual(times);
    for (let i = 0; i < times.length; i += 61) {
      const at = new Date(times[i]!).toISOString();
      const knownAt = records[(i * 7) % records.length]!.recordedtime;
      expect(ledger.stateAt(company, at)).toEqual(reference.stateAt(company, at));
      expect(ledger.stateAt(company, at, knownAt)).toEqual(reference.stateAt(company, at, knownAt));
      expect(ledger.stateAt(company, at, knownAt, 'published')).toEqual(reference.stateAt(company, at, knownAt, 'published'));
      expect([ledger.knownSeq(knownAt), ledger.coverageOf(company, knownAt)]).toEqual([reference.knownSeq(knownAt), reference.coverageOf(company, knownAt)]);
    }
  }
}

const statement = (id: string, time: string) =>
  parseDraft({ id, type: 'statement.made', subject: HEAVY_COMPANY, time, data: { certainty: 'confirmed', citation: { document: 'test', quote: 'Said.' }, person: { id: 'p', name: 'P' }, text: 'later' } });

describe('the index stored beside a log', () => {
  it('gives the answers reading every line gives, and goes on from there over records appended since', async () => {
    const path = tempLog();
    await generateLog(path, 4_000, 4);
    const full = await readLog(path);
    expect(full.fromIndex).toBe(0);
    await store(path, full);
    full.source!.close();

    const resumed = await readLog(path);
    expect(resumed.fromIndex).toBe(statSync(path).size);
    expectSameAnswers(resumed.ledger, (await readLog(path, { keepRecords: true })).ledger);
    resumed.source!.close();

    // Appended since: a fact back-dated before most of the log, and a retraction of an early fact.
    const log = await EventLog.open(path);
    const early = [...log.ledger.records(1, 200)].find((r) => r.subject === HEAVY_COMPANY && r.type === 'board.joined')!;
    await log.append([statement('appended-1', '2001-01-01T00:00:00Z')]);
    await log.append([parseDraft({ id: 'appended-2', type: 'event.retracted', subject: HEAVY_COMPANY, time: '2026-01-01T00:00:00Z', data: { target: early.id, reason: 'Wrong.', citation: { document: 'test', quote: 'Wrong.' } } })]);
    log.close();
    const after = await readLog(path, { storable: true });
    expect(after.fromIndex).toBe(resumed.fromIndex);
    expect(after.prefix).toEqual({ bytes: statSync(path).size, hash: keyOf(readFileSync(path)) });
    expectSameAnswers(after.ledger, (await readLog(path, { keepRecords: true })).ledger);
    expect(after.ledger.revisionOf(early.id)).toBe('appended-2');
    after.source!.close();
  });

  it('is not used when the log no longer starts with the bytes it was made from: the log is read and checked in full', async () => {
    const path = tempLog();
    await generateLog(path, 1_000, 2);
    await store(path, await readLog(path));
    const bytes = readFileSync(path);
    // One letter changed in the middle: the chain breaks at the line after it, as without an index.
    const at = bytes.indexOf('Person', bytes.length >> 1);
    const line = bytes.subarray(0, at).toString().split('\n').length;
    writeFileSync(path, Buffer.concat([bytes.subarray(0, at), Buffer.from('Persun'), bytes.subarray(at + 6)]));
    await expect(readLog(path)).rejects.toThrow(new RegExp(`^line ${line + 1}: hash chain broken`));
    // Cut short, at a line boundary before the index's end: what is there is read, from the start.
    writeFileSync(path, bytes.subarray(0, bytes.lastIndexOf('\n', bytes.length >> 1) + 1));
    const cut = await readLog(path);
    expect(cut.fromIndex).toBe(0);
    expect(cut.validBytes).toBe(statSync(path).size);
    cut.source!.close();
  });

  it('is ignored when damaged, cut short, or another log’s, and never read by verify', async () => {
    const path = tempLog();
    await generateLog(path, 1_000, 2);
    const reference = await readLog(path, { keepRecords: true });
    await store(path, await readLog(path));
    const good = readFileSync(indexPath(path));
    const ignored = async () => {
      const contents = await readLog(path);
      expect(contents.fromIndex).toBe(0);
      expectSameAnswers(contents.ledger, reference.ledger);
      contents.source!.close();
    };
    for (const offset of [0, 5, 40, good.length >> 1, good.length - 1]) {
      const damaged = Buffer.from(good);
      damaged[offset]! ^= 0x20;
      writeFileSync(indexPath(path), damaged);
      await ignored();
    }
    for (const length of [0, 20, 36, good.length >> 1, good.length - 1]) {
      writeFileSync(indexPath(path), good.subarray(0, length));
      await ignored();
    }
    // Another log's index, under this log's name.
    const other = tempLog();
    await generateLog(other, 1_000, 3);
    await store(other, await readLog(other));
    copyFileSync(indexPath(other), indexPath(path));
    await ignored();

    writeFileSync(indexPath(path), good);
    expect((await readLog(path, { keepRecords: true })).fromIndex).toBe(0);
  });

  it('is not used when its parts disagree (as no index this code writes does), nor read when it is not a regular file', async () => {
    const path = tempLog();
    await generateLog(path, 1_000, 2);
    const reference = (await readLog(path, { keepRecords: true })).ledger;
    const changes: ((index: LedgerIndex) => void)[] = [
      (index) => void (index.timelines[0]!.entries.marks = index.timelines[0]!.entries.marks.subarray(1)),
      (index) => void (index.places.timeline[10] = 99),
      (index) => void (index.timelines[1]!.entries.seqs[3] = index.head + 5),
      (index) => void (index.recordedTimes = index.recordedTimes.subarray(1)),
      // An id table with no empty slot would never end a lookup of an id it does not hold.
      (index) => void index.ids.seqs.fill(1),
      (index) => void (index.ids.seqs[index.ids.seqs.indexOf(0)] = index.head + 1),
      (index) => void (index.ids = { ...index.ids, seqs: index.ids.seqs.subarray(1) }),
    ];
    for (const change of changes) {
      const full = await readLog(path);
      await store(path, full, change);
      full.source!.close();
      const contents = await readLog(path);
      expect(contents.fromIndex).toBe(0);
      expectSameAnswers(contents.ledger, reference);
      contents.source!.close();
    }
    // A FIFO would block a plain read for ever; a link to a device would fill memory.
    rmSync(indexPath(path));
    execFileSync('mkfifo', [indexPath(path)]);
    expect((await readLog(path)).fromIndex).toBe(0);
    rmSync(indexPath(path));
    symlinkSync('/dev/zero', indexPath(path));
    expect((await readLog(path)).fromIndex).toBe(0);
  });

  it('is used when the last records place no fact (retractions after the last fact)', async () => {
    const path = tempLog();
    await generateLog(path, 1_020, 2);
    const log = await EventLog.open(path);
    const targets = [...log.ledger.records(2, 60)].filter((r) => r.subject === HEAVY_COMPANY && log.ledger.effectOf(r.id) && !log.ledger.revisionOf(r.id)).slice(0, 12);
    for (const [i, target] of targets.entries()) {
      await log.append([parseDraft({ id: `retraction-${i}`, type: 'event.retracted', subject: HEAVY_COMPANY, time: '2026-01-01T00:00:00Z', data: { target: target.id, reason: 'Wrong.', citation: { document: 'test', quote: 'Wrong.' } } })]);
    }
    log.close();
    await store(path, await readLog(path));
    const contents = await readLog(path);
    expect(contents.ledger.head).toBeGreaterThan(1_024);
    expect(contents.fromIndex).toBe(statSync(path).size);
    expectSameAnswers(contents.ledger, (await readLog(path, { keepRecords: true })).ledger);
  });

  it('is stored by a writer that read a large log, and a reopened log appends and refuses duplicates as before', async () => {
    const path = tempLog();
    await generateLog(path, 24_000, 3);
    expect(statSync(path).size).toBeGreaterThan(16 << 20);
    const first = await EventLog.open(path);
    await first.indexStored;
    const knownId = first.ledger.record(5)!.id;
    first.close();
    expect(existsSync(indexPath(path))).toBe(true);
    expect(readdirSync(dirname(path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Keyed by what the lines worker hashed, and found by what opening hashes on several threads.
    const read = await readLog(path);
    expect(read.fromIndex).toBe(statSync(path).size);
    read.source!.close();

    const reopened = await EventLog.open(path);
    try {
      expect(reopened.ledger.byId(knownId)?.seq).toBe(5);
      const { appended, skipped } = await reopened.append([statement('after-reopen', '2026-02-01T00:00:00Z')]);
      expect([appended.map((r) => r.id), skipped]).toEqual([['after-reopen'], []]);
      expect((await reopened.append([statement('after-reopen', '2026-02-01T00:00:00Z')])).skipped).toEqual(['after-reopen']);
      await expect(reopened.append([statement('after-reopen', '2026-03-01T00:00:00Z')])).rejects.toThrow(/after-reopen/);
    } finally {
      reopened.close();
    }
    // Small logs, and one-shot or read-only opens, leave no index behind.
    const small = tempLog();
    await generateLog(small, 500, 2);
    const log = await EventLog.open(small);
    await log.indexStored;
    log.close();
    expect(existsSync(indexPath(small))).toBe(false);
  });

  it('keeps its format number pinned to what it stores: change one, change the other', async () => {
    const path = tempLog();
    await generateLog(path, 2_000, 3);
    // The id table's seed is random; a fixed one makes the table, and so the index, the same each run.
    const seeded = vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(((array: Uint32Array) => array.fill(0x9e3779b9)) as typeof crypto.getRandomValues);
    const contents = await readLog(path);
    seeded.mockRestore();
    await store(path, contents);
    contents.source!.close();
    // What the index holds: its sections, named and typed, and their bytes. The rest of its header
    // (the log's hash, the digest of the content rules) is checked where it is read.
    const body = readFileSync(indexPath(path)).subarray(8);
    const headerLength = body.readUInt32LE(0);
    const { sections } = JSON.parse(body.toString('utf8', 4, 4 + headerLength)) as { sections: unknown };
    const stored = createHash('sha256').update(JSON.stringify(sections)).update(body.subarray(4 + headerLength)).digest('hex');
    // If this fails, what a ledger derives (or how it is stored) changed: bump INDEX_FORMAT, so
    // that indexes stored by the old code are rebuilt rather than read as if they were new; then
    // write both new values here.
    expect({ format: INDEX_FORMAT, stored }).toEqual({ format: 8, stored: '5dc338a1166f150056165eafd42ce101ece738e54602fc8c9113171de0863a39' });
  });

  it('is not used when a part that its checksum vouches for does not load (made by hand), and leaves no descriptor open', async () => {
    const path = tempLog();
    await generateLog(path, 200, 2);
    const full = await readLog(path);
    await store(path, full, (index) => ((index as unknown as { revisedBy: unknown }).revisedBy = 5));
    full.source!.close();
    const descriptors = () => readdirSync('/proc/self/fd').length;
    const before = descriptors();
    const contents = await readLog(path);
    expect(contents.fromIndex).toBe(0);
    contents.source!.close();
    expect(descriptors()).toBe(before);
  });
});
