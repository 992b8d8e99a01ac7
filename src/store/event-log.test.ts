import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDraft } from '../core/validate';
import { EventLog } from './event-log';
import { Low } from 'lowdb';
import { JsonLinesAdapter } from './jsonl-adapter';
import { readLog } from './read-log';
import { GENESIS_HASH, sealRecord, sha256 } from './seal';

const dirs: EventLog[] = [];
afterEach(() => {
  while (dirs.length) dirs.pop()!.close();
});

const tempLog = () => join(mkdtempSync(join(tmpdir(), 'incumbent-store-')), 'log.jsonl');
const open = async (path: string, title = 'Test') => {
  const log = await EventLog.open(path, { create: { title } });
  dirs.push(log);
  return log;
};
const draft = (id: string, minute = 0) =>
  parseDraft({
    id,
    type: 'board.joined',
    subject: 'acme',
    time: new Date(Date.UTC(2024, 0, 1, 0, minute)).toISOString(),
    data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `p-${id}`, name: `Person ${id}` } },
  });

describe('EventLog on a real file', () => {
  it('refuses a hand-made retraction that names no target by its field, and reading the log past it does not throw', async () => {
    const path = tempLog();
    const drafts = [
      { specversion: '1.0', id: 'log', source: 'urn:test', type: 'log.created', time: '2024-01-01T00:00:00Z', timeprecision: 'second', timezone: 'UTC', datacontenttype: 'application/json', data: { title: 'Hand-made' } },
      { specversion: '1.0', id: 'r1', source: 'urn:test', subject: 'acme', type: 'event.retracted', time: '2024-01-02T00:00:00Z', timeprecision: 'second', timezone: 'UTC', datacontenttype: 'application/json', data: { reason: 'No target.' } },
    ];
    let prevhash = GENESIS_HASH;
    const lines = drafts.map((d, i) => {
      const { line } = sealRecord(d as never, { id: d.id, seq: i + 1, prevhash, recordedtime: d.time });
      prevhash = sha256(line);
      return line;
    });
    writeFileSync(path, `${lines.join('\n')}\n`);
    await expect(EventLog.open(path, { readOnly: true })).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 2: data\.target: /) });
    // Read without checking each record (as under a matching head anchor), the revision is ignored.
    const { ledger, source } = await readLog(path);
    expect([ledger.head, ledger.byId('r1')!.type]).toEqual([2, 'event.retracted']);
    source!.close();
  });

  it('creates a log whose first record is log.created, and appends survive a reopen', async () => {
    const path = tempLog();
    const log = await open(path, 'Acme');
    await log.append([draft('a'), draft('b', 5)]);
    const head = log.hashOf(3);
    log.close();
    dirs.pop();
    const again = await open(path);
    expect(again.ledger.title).toBe('Acme');
    expect([...again.ledger.records()].map((r) => r.type)).toEqual(['log.created', 'board.joined', 'board.joined']);
    expect(again.hashOf(3)).toBe(head);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(4);
  });

  it('fills in seq, prevhash and recordedtime itself, and chains each line to the one before', async () => {
    const log = await open(tempLog());
    const { appended } = await log.append([draft('a')]);
    expect(appended[0]).toMatchObject({ seq: 2, prevhash: log.hashOf(1) });
    expect(Date.parse(appended[0]!.recordedtime)).toBeGreaterThan(0);
  });

  it('appending an id that is already in the log is a no-op', async () => {
    const path = tempLog();
    const log = await open(path);
    await log.append([draft('a')]);
    const bytes = readFileSync(path);
    expect(await log.append([draft('a')])).toEqual({ appended: [], skipped: ['a'] });
    expect(readFileSync(path)).toEqual(bytes);
  });

  it('moves a torn last line to a .corrupt side file and opens the rest', async () => {
    const path = tempLog();
    const log = await open(path);
    await log.append([draft('a')]);
    log.close();
    dirs.pop();
    const good = readFileSync(path);
    appendFileSync(path, '{"specversion":"1.0","id":"half');
    const again = await open(path);
    expect(again.recovered).toMatchObject({ line: 3, reason: expect.stringMatching(/incomplete/) });
    expect(readFileSync(again.recovered!.sideFile!, 'utf8')).toBe('{"specversion":"1.0","id":"half');
    expect(readFileSync(path)).toEqual(good);
    await again.append([draft('b')]);
    expect(again.ledger.head).toBe(3);
  });

  it('refuses a log with a flipped byte in the middle, naming the line, and leaves the file alone', async () => {
    const path = tempLog();
    const log = await open(path);
    await log.append([draft('a'), draft('b'), draft('c')]);
    log.close();
    dirs.pop();
    const bytes = readFileSync(path);
    const second = bytes.indexOf('Person a');
    bytes[second] = 'Q'.charCodeAt(0);
    writeFileSync(path, bytes);
    await expect(EventLog.open(path)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 3: hash chain broken/) });
    expect(readFileSync(path)).toEqual(bytes);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a line in the middle that is not JSON', async () => {
    const path = tempLog();
    const log = await open(path);
    await log.append([draft('a'), draft('b')]);
    log.close();
    dirs.pop();
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 20);
    writeFileSync(path, lines.join('\n'));
    await expect(EventLog.open(path)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 2: not valid JSON/) });
  });

  it('refuses a second writer with a clear message, and lets a reader in', async () => {
    const path = tempLog();
    await open(path);
    await expect(EventLog.open(path)).rejects.toMatchObject({ code: 'locked', message: expect.stringMatching(/already open for writing by process \d+/) });
    const reader = await EventLog.open(path, { readOnly: true });
    expect(reader.ledger.head).toBe(1);
    await expect(reader.append([draft('x')])).rejects.toMatchObject({ code: 'conflict' });
    reader.close();
  });

  it('reclaims a lock left by a process that no longer exists', async () => {
    const path = tempLog();
    (await open(path)).close();
    dirs.pop();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), since: 'then' }));
    expect((await open(path)).ledger.head).toBe(1);
  });

  it('the lowdb adapter refuses a write that would change history', async () => {
    const path = tempLog();
    (await open(path)).close();
    dirs.pop();
    const adapter = new JsonLinesAdapter(path);
    const db = new Low(adapter, null as never);
    await db.read();
    const data = db.data!;
    const before = readFileSync(path);
    data.digests.truncate(0);
    await expect(db.write()).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/append-only/) });
    expect(readFileSync(path)).toEqual(before);
    adapter.close();
  });

  it('leaves only the log and its head anchor behind on a clean close: no lock, no side file', async () => {
    const path = tempLog();
    (await open(path)).close();
    dirs.pop();
    expect(readdirSync(join(path, '..')).sort()).toEqual(['log.jsonl', 'log.jsonl.head']);
  });
});

describe('EventLog on a log large enough to hash in a worker thread', () => {
  it('opens it with the same chain as inline hashing, and refuses a flipped byte by line', async () => {
    const { generateLog } = await import('../../bench/generate');
    const path = tempLog();
    await generateLog(path, 30_000, 5);
    expect(readFileSync(path).length).toBeGreaterThan(16 << 20);
    const log = await open(path);
    const head = log.ledger.head;
    const { sha256 } = await import('./seal');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(log.hashOf(head)).toBe(sha256(lines[head - 1]!));
    expect(log.hashOf(1234)).toBe(sha256(lines[1233]!));
    log.close();
    dirs.pop();
    const original = lines[20_000]!;
    lines[20_000] = original.replace('Person', 'Persun');
    writeFileSync(path, `${lines.join('\n')}\n`);
    await expect(EventLog.open(path)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 20002: hash chain broken/) });
    // The digest a prevhash names, in capitals: the chain's form is lower case, hashed here or not.
    lines[20_000] = lines[20_000]!.replace('Persun', 'Person').replace(/"prevhash":"([0-9a-f]{64})"/, (_, hex: string) => `"prevhash":"${hex.toUpperCase()}"`);
    writeFileSync(path, `${lines.join('\n')}\n`);
    await expect(EventLog.open(path)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 20001: hash chain broken/) });
    const small = tempLog();
    writeFileSync(small, `${lines.slice(0, 20_001).join('\n')}\n`);
    await expect(EventLog.open(small)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(/^line 20001: hash chain broken/) });
    // An edited line that a later correction names: opening reads it back to correct it before the
    // worker's digests are in, and must still report the chain broken where it breaks.
    lines[20_000] = original;
    const records = lines.map((l) => JSON.parse(l) as { id: string; type: string; data: { target?: string } });
    // A correction early enough that the log cut after it is hashed inline (under 16 MB), and the whole one in the worker.
    const correction = records.findIndex((r, i) => i < 15_000 && r.type === 'event.corrected' && records.findIndex((t) => t.id === r.data.target) > 100);
    const target = records.findIndex((t) => t.id === records[correction]!.data.target);
    lines[target] = lines[target]!.replace('Person', 'Persun');
    for (const [path, count] of [[tempLog(), lines.length], [tempLog(), correction + 1]] as const) {
      writeFileSync(path, `${lines.slice(0, count).join('\n')}\n`);
      expect(readFileSync(path).length > 16 << 20).toBe(count === lines.length);
      await expect(EventLog.open(path)).rejects.toMatchObject({ code: 'damaged', message: expect.stringMatching(new RegExp(`^line ${target + 2}: hash chain broken`)) });
    }
  });
});
