/**
 * A large log is parsed on two threads as it is opened (see `lines-worker.ts`). Read on one thread
 * (as a reader that keeps every record reads it) is the reference: whatever the file holds, around
 * the point where the worker's share starts and inside it, both must give the same ledger, the same
 * torn tail or the same error.
 */
import { appendFileSync, closeSync, mkdtempSync, openSync, renameSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARE_CHECKER } from './check-lines';
import { OWN_SHARE, PARALLEL_READING_BYTES, readLog } from './read-log';
import { BLOCK_BYTES } from './block-hash';
import { AnchorWriter } from './head-anchor';
import { JsonLinesAdapter } from './jsonl-adapter';
import { sha256 } from './seal';
import { largeLog, sealed, type LogRecord } from './large-log.test-support';

type Record = LogRecord;

const dir = mkdtempSync(join(tmpdir(), 'incumbent-parallel-'));
let base: Record[];
/** Index of the first line the worker parses in the log as generated. */
let first: number;

beforeAll(async () => {
  ({ records: base, first } = await largeLog(dir));
}, 60_000);

let files = 0;
const write = (content: string | Buffer): string => {
  const path = join(dir, `${(files += 1)}.jsonl`);
  writeFileSync(path, content);
  return path;
};

/** Typed arrays as base64: compared as strings, a ledger's index takes milliseconds, not a second. */
const compact = (value: unknown): unknown =>
  ArrayBuffer.isView(value)
    ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')
    : Array.isArray(value)
      ? value.map(compact)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, compact(inner)]))
        : value;

/**
 * What opening gives, as plain data: the ledger's index (its id table aside: its seed is random),
 * where a sample of ids is found (each read back from the file to be confirmed), the tail set aside, or the error.
 */
async function outcome(path: string, keepRecords: boolean): Promise<{ error?: string; torn?: { line: number; reason: string }; plain: unknown }> {
  try {
    const { ledger, digests, validBytes, torn, source } = await readLog(path, { keepRecords });
    const { ids: _seeded, ...index } = ledger.exportIndex();
    const seqs = base.filter((_, i) => i % 97 === 0).map((record) => ledger.seqOf(record.id));
    source?.close();
    return { torn, plain: { index: compact(index), seqs, digests: digests.copy().toString('hex'), validBytes, torn: torn && { ...torn, bytes: torn.bytes.toString() } } };
  } catch (error) {
    const message = (error as Error).message;
    return { error: message, plain: message };
  }
}

const expectSameOpen = async (path: string) => {
  const parallel = await outcome(path, false);
  expect(parallel.plain).toEqual((await outcome(path, true)).plain);
  return parallel;
};

describe('opening a large log on two threads', () => {
  it('gives the ledger one thread gives, and the same answers when a line of the share is changed', async () => {
    const change = (at: number, edit: (record: Record) => Record) => sealed(base.map((record, index) => (index === at ? edit(structuredClone(record)) : record)));
    const cases: [string, string[], RegExp | undefined][] = [
      ['as written', sealed(base), undefined],
      ['ids and a subject with quotes, escapes and prototype keys', sealed(base.map((record, index) => (index === first + 3 ? { ...record, id: '"\\u2028é__proto__' } : index === first + 4 ? { ...record, id: 'toString', subject: 'company-"ü"' } : record))), undefined],
      ['a duplicate id', change(first + 5, (record) => ({ ...record, id: base[10]!.id })), /^line \d+: duplicate id/],
      ['an id with a lone surrogate, and one that differs from it only there', sealed(base.map((record, index) => (index === 10 ? { ...record, id: 'x\ufffd' } : index === first + 4 ? { ...record, id: 'x\ud800' } : record))), undefined],
      ['two ids with the same lone surrogate', sealed(base.map((record, index) => (index === first + 4 || index === first + 5 ? { ...record, id: 'x\ud800' } : record))), /^line \d+: duplicate id/],
      ['a time with a lone surrogate', change(first + 5, (record) => ({ ...record, time: '2023-11-17T\udc00' })), /^line \d+: /],
      ['a wrong sequence', change(first + 5, (record) => ({ ...record, seq: 7 })), /^line \d+: sequence is 7/],
      ['no data', change(first + 5, (record) => ({ ...record, data: null as never })), /^line \d+: missing data/],
      ['an unknown type', change(first + 5, (record) => ({ ...record, type: 'role.stolen' })), /^line \d+: unknown event type/],
      ['no subject', change(first + 5, ({ subject: _subject, ...record }) => record as Record), /^line \d+: missing subject/],
      ['a time that is not one', change(first + 5, (record) => ({ ...record, time: '2023-13-45T00:00:00Z' })), /^line \d+: /],
      ['a sequence written as text', change(first + 5, (record) => ({ ...record, seq: String(record.seq) as never })), /^line \d+: sequence is/],
      ['a prevhash in capitals', [...sealed(base).slice(0, first + 5), ...sealed(base).slice(first + 5).map((line, index) => (index === 0 ? line.replace(/"prevhash":"([0-9a-f]{64})"/, (_, hex: string) => `"prevhash":"${hex.toUpperCase()}"`) : line))], /^line \d+: hash chain broken/],
      ['a batch across the point where the share starts', sealed(base.map((record, index) => (index >= first - 2 && index <= first + 2 ? { ...record, batchend: base[first + 2]!.seq } : record))), undefined],
      ['a batch interrupted inside the share', sealed(base.map((record, index) => (index >= first + 2 && index <= first + 3 ? { ...record, batchend: base[first + 6]!.seq } : record))), /^line \d+: batch #\d+-#\d+ is interrupted/],
      ['a baseline fact in the share', change(first + 5, (record) => ({ ...record, data: { ...record.data, baseline: true } })), undefined],
    ];
    for (const [name, lines, error] of cases) {
      const opened = await expectSameOpen(write(`${lines.join('\n')}\n`));
      if (error) expect(opened.error, name).toMatch(error);
      else expect(opened.error, name).toBeUndefined();
    }
  }, 120_000);

  it('sets aside the same torn tail, wherever the file was cut and wherever the share starts', async () => {
    const lines = sealed(base);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const start = (index: number) => Buffer.byteLength(`${lines.slice(0, index).join('\n')}\n`);
    // Cut so that the share starts a byte before a line, at it and a byte after it (the rest of the
    // file stays large enough for a worker), then cut inside the last line and at its end.
    const at = start(Math.floor(first * 0.9));
    const cuts = [at - 1, at, at + 1].map((split) => Math.ceil(split / OWN_SHARE));
    for (const cut of [...cuts, bytes.length - 1, bytes.length - 30, start(base.length - 1)]) {
      expect(cut, 'a file large enough for a worker').toBeGreaterThan(PARALLEL_READING_BYTES);
      const opened = await expectSameOpen(write(bytes.subarray(0, cut)));
      expect(opened.error, `cut at ${cut}`).toBeUndefined();
      expect(opened.torn === undefined, `cut at ${cut}`).toBe(bytes[cut - 1] === 0x0a);
    }
    // A last line longer than the rest of the file, unfinished: the share is empty, the tail this thread's.
    const tail = Buffer.alloc(PARALLEL_READING_BYTES, 'x');
    for (const ending of ['', 'x\n{"unfinished":']) {
      const opened = await expectSameOpen(write(Buffer.concat([bytes.subarray(0, start(1000)), tail, Buffer.from(ending)])));
      expect(opened.torn ?? opened.error).toBeDefined();
    }
    // A line of the share that is not JSON: the last line is a torn tail, any other line is damage.
    const broken = (at: number) => lines.map((line, index) => (index === at ? line.slice(0, 40) : line));
    expect((await expectSameOpen(write(`${broken(lines.length - 1).join('\n')}\n`))).torn).toMatchObject({ line: lines.length, reason: 'not valid JSON' });
    expect((await expectSameOpen(write(`${broken(first + 5).join('\n')}\n`))).error).toMatch(/^line \d+: /);
    // A batch whose last records never reached the disk.
    const torn = sealed(base.map((record, index) => (index >= base.length - 3 ? { ...record, batchend: base.at(-1)!.seq + 2 } : record)));
    expect((await expectSameOpen(write(`${torn.join('\n')}\n`))).torn).toMatchObject({ line: base.length - 2, reason: expect.stringMatching(/^incomplete batch/) });
  }, 120_000);

  it('reads the file it opened, whatever is renamed over its name or removed meanwhile', async () => {
    const content = `${sealed(base).join('\n')}\n`;
    const reference = await outcome(write(content), true);
    for (const change of [(path: string) => renameSync(write(content.replaceAll('Person', 'Persoon')), path), (path: string) => rmSync(path)]) {
      const path = write(content);
      // The log is opened as readLog is called; its worker starts later, once the index is looked for.
      const opening = outcome(path, false);
      change(path);
      expect((await opening).plain).toEqual(reference.plain);
    }
  });
});

describe('progress', () => {
  it('never says more was read than the size it gives, nor less than before: lines appended as it reads, a read begun again', async () => {
    const lines = sealed(base);
    const check = (told: [number, number][]) => {
      for (const [i, [read, size]] of told.entries()) {
        expect(read).toBeLessThanOrEqual(size);
        if (i > 0) expect(read).toBeGreaterThanOrEqual(told[i - 1]![0]);
      }
    };
    // One thread (a small log), lines appended while it is read: they are read too.
    const growing = write(`${lines.slice(0, 6_000).join('\n')}\n`);
    const told: [number, number][] = [];
    const grown = await readLog(growing, { progress: (read, size) => void (told.push([read, size]) === 2 && appendFileSync(growing, `${lines.slice(6_000, 12_000).join('\n')}\n`)) });
    grown.source!.close();
    expect(grown.ledger.head).toBe(12_000);
    check(told);
    // Two threads, a line forged at first and put back as it is read: read again on one.
    const forged = lines.map((text, index) => (index === 4 ? text.replace('"subject":"company-', '"subject":"kompany-') : text));
    const touched = write(`${forged.join('\n')}\n`);
    const again: [number, number][] = [];
    let restored = false;
    const restore = () => void (restored ||= (writeFileSync(touched, `${lines.join('\n')}\n`, { flag: 'r+' }), true));
    const reread = await readLog(touched, { progress: (read, size) => void again.push([read, size]), taken: () => (record) => void (record.seq === 5 && restore()) });
    reread.source!.close();
    expect(reread.share).toBeUndefined();
    check(again);
  });

  it('is told how far reading has come, in steps of at most a two-hundredth of the file, to its end, on two threads or one', async () => {
    const path = write(`${sealed(base).join('\n')}\n`);
    const size = Buffer.byteLength(`${sealed(base).join('\n')}\n`);
    for (const parseAll of [false, true]) {
      const told: number[] = [];
      const { source } = await readLog(path, { parseAll, progress: (read, of) => told.push(of === size ? read : NaN) });
      source!.close();
      expect(told[0]).toBe(0);
      expect(told.at(-1)).toBe(size);
      for (let i = 1; i < told.length; i++) expect(told[i]! - told[i - 1]!).toBeGreaterThan(0);
      // A step is a line past a two-hundredth of the file (lines are about 700 bytes).
      for (let i = 1; i < told.length; i++) expect(told[i]! - told[i - 1]!).toBeLessThan(size / 200 + 2_000);
    }
  });
});

describe('keeping the records a question is about', () => {
  it('keeps those this thread parsed whole, and reads the worker\'s share back from the file', async () => {
    const path = write(`${sealed(base).join('\n')}\n`);
    const { ledger, source } = await readLog(path, { oneShot: true, taken: () => (record, whole) => whole && record.subject === 'company-1' });
    const asked = base.filter((record) => record.subject === 'company-1');
    expect(ledger.record(asked.at(-1)!.seq)).toEqual(asked.at(-1));
    // With the file closed, only what was kept can still be given.
    source!.close();
    const kept = asked.filter((record) => record.seq < first);
    for (const record of kept) expect(ledger.record(record.seq)).toEqual(record);
    expect(kept.length).toBeGreaterThan(100);
    expect(() => ledger.record(asked.at(-2)!.seq)).toThrow(/was closed/);
    expect(() => ledger.record(base.find((record) => record.seq < first && record.subject === 'company-2')!.seq)).toThrow(/was closed/);
  });
});

describe('a file written to while two threads read it', () => {
  /** Opens `path`, calling `during` once as this thread takes line `at` in; what is read, and how many reads were made. */
  const openChanging = async (path: string, at: number, during: () => void) => {
    let reads = 0;
    const taken = () => {
      reads += 1;
      return (record: { seq: number }) => void (reads === 1 && record.seq === at && during());
    };
    const opened = await readLog(path, { oneShot: true, taken });
    return { ...opened, reads };
  };

  /** The log with line `index` (0-based) saying another company, at the same length: the lines after it stay where they are. */
  const forging = (index: number) => {
    const lines = sealed(base);
    const forged = lines[index]!.replace('"subject":"company-', '"subject":"kompany-');
    expect(forged).not.toBe(lines[index]);
    const path = write(`${[...lines.slice(0, index), forged, ...lines.slice(index + 1)].join('\n')}\n`);
    const original = Buffer.from(lines[index]!);
    const offset = Buffer.byteLength(`${lines.slice(0, index).join('\n')}\n`);
    /** Puts the line back as the chain has it. */
    const restore = () => {
      const fd = openSync(path, 'r+');
      writeSync(fd, original, 0, original.length, offset);
      closeSync(fd);
    };
    return { path, subject: (JSON.parse(forged) as Record).subject, restore };
  };
  const expectAsWritten = async (opened: Awaited<ReturnType<typeof readLog>>, path: string) => {
    const { ids: _seeded, ...index } = opened.ledger.exportIndex();
    const { ids: _seed, ...reference } = (await readLog(path, { keepRecords: true })).ledger.exportIndex();
    expect(compact(index)).toEqual(compact(reference));
  };

  it('a line forged while this thread parses it, and put back before the worker could hash it, is not believed', async () => {
    const { path, subject, restore } = forging(4);
    // Put back as soon as this thread has taken line 5 in. Hashed where it was parsed, it breaks the
    // chain at line 6 (refused), and as the file changed, it is read again, as it is now.
    const opened = await openChanging(path, 5, restore);
    opened.source!.close();
    expect(opened.reads).toBe(2);
    expect(opened.ledger.companies()).not.toContain(subject);
    await expectAsWritten(opened, path);
  });

  it('a line of the worker\'s share, forged and put back while the log is read, is not believed either', async () => {
    const { path, subject, restore } = forging(first + 5);
    const opened = await openChanging(path, 10, restore);
    opened.source!.close();
    expect(opened.ledger.companies()).not.toContain(subject);
    await expectAsWritten(opened, path);
  });

  it('a line changed once both threads have parsed it: the index a writer stores is keyed by the bytes parsed, and the next open finds the change', async () => {
    const lines = sealed(base);
    const at = lines.length - 2;
    const path = write(`${lines.join('\n')}\n`);
    const forged = lines[at]!.replace('"subject":"company-', '"subject":"kompany-');
    const offset = Buffer.byteLength(`${lines.slice(0, at).join('\n')}\n`);
    new AnchorWriter(path).write({ seq: lines.length, hash: sha256(lines.at(-1)!) });
    let changed = false;
    // Once this thread takes the worker's lines in (a writer's share ends at the first 16 MiB block
    // here): the worker has parsed most of its share by then.
    const adapter = new JsonLinesAdapter(path, {
      progress: (read) => {
        if (changed || read <= BLOCK_BYTES) return;
        changed = true;
        const fd = openSync(path, 'r+');
        writeSync(fd, forged, offset);
        closeSync(fd);
      },
    });
    // Whether this open saw the change (and refused) or not (and stored an index), the next one does.
    await adapter.read().catch(() => undefined);
    await adapter.indexStored;
    adapter.close();
    expect(changed).toBe(true);
    await expect(readLog(path)).rejects.toThrow(`line ${lines.length}: hash chain broken`);
  });

  it('a writer reads a last line across its split as one thread does: not JSON, a torn tail; a long one, whatever the worker reached', async () => {
    const lines = sealed(base);
    // The lines that fit below the writer's split (16 MiB here), with room to spare.
    const kept: string[] = [];
    let bytes = 0;
    while (bytes + Buffer.byteLength(lines[kept.length]!) + 1 <= BLOCK_BYTES - 200) {
      bytes += Buffer.byteLength(lines[kept.length]!) + 1;
      kept.push(lines[kept.length]!);
    }
    const torn = write(`${kept.join('\n')}\n{"seq":${'x'.repeat(500)}\n`);
    for (const storable of [false, true]) {
      const opened = await readLog(torn, { storable });
      opened.source?.close();
      expect(opened.torn?.reason, `storable: ${storable}`).toBe('not valid JSON');
    }
    // A last line of 9 MiB across the split, the worker slowed by its checker: it may be stopped before the line's end.
    const last = { ...base[kept.length]!, data: { ...base[kept.length]!.data, note: 'y'.repeat(9 << 20) } };
    const long = write(`${sealed([...base.slice(0, kept.length), last]).join('\n')}\n`);
    for (let i = 0; i < 2; i++) {
      const opened = await readLog(long, { storable: true, checker: SHARE_CHECKER });
      opened.source?.close();
      expect(opened.ledger.head).toBe(kept.length + 1);
    }
  });

  it('a file touched while it is read is read once: each record kept was hashed where it was parsed', async () => {
    const path = write(`${sealed(base).join('\n')}\n`);
    let reads = 0;
    const taken = () => {
      reads += 1;
      // What any write does to the file's ctime, whatever it does to the bytes (utimes cannot set ctime back).
      return (record: { seq: number; subject?: string }, whole: boolean) => {
        if (record.seq === 10) utimesSync(path, new Date(), new Date(Date.now() - 3_600_000));
        return whole && record.subject === 'company-1';
      };
    };
    const { ledger, source, share } = await readLog(path, { oneShot: true, taken });
    source!.close();
    expect(reads).toBe(1);
    expect(share).toBeDefined();
    const kept = base.filter((record) => record.seq < first && record.subject === 'company-1');
    for (const record of kept) expect(ledger.record(record.seq)).toEqual(record);
  });

  it('a factory of `taken` that throws fails the open before any worker starts', async () => {
    const path = write(`${sealed(base).join('\n')}\n`);
    await expect(readLog(path, { taken: () => { throw new Error('no hook'); } })).rejects.toThrow('no hook');
    // A worker left reading a closed descriptor would fail here, unhandled (vitest fails the run on it).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  });

});

describe('checking the records of the share', () => {
  it('the worker loads the checker it is given and checks its share, by index there', async () => {
    const lines = sealed(base.map((record, index) => (index === first + 7 ? { ...record, colour: 'red' } : record)));
    const { share, source } = await readLog(write(`${lines.join('\n')}\n`), { oneShot: true, checker: SHARE_CHECKER });
    source!.close();
    expect(share).toMatchObject({ from: first + 1, checked: { problem: { line: 7, message: 'unknown field(s) colour' } } });
  });

  it('a checker that does not load, or fails to start, leaves the share unchecked and the log read', async () => {
    const failing = join(dir, 'failing-checker.mjs');
    writeFileSync(failing, 'export function shareChecker() { throw new Error("no"); }\n');
    const content = `${sealed(base).join('\n')}\n`;
    for (const checker of [pathToFileURL(failing), pathToFileURL(join(dir, 'missing-checker.mjs'))]) {
      const { share, ledger, source } = await readLog(write(content), { oneShot: true, checker });
      source!.close();
      expect(ledger.head).toBe(base.length);
      expect(share).toEqual({ from: first + 1 });
    }
  });
});
