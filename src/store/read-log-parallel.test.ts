/**
 * A large log is parsed on two threads as it is opened (see `lines-worker.ts`). Read on one thread
 * (as a reader that keeps every record reads it) is the reference: whatever the file holds, around
 * the point where the worker's share starts and inside it, both must give the same ledger, the same
 * torn tail or the same error.
 */
import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARE_CHECKER } from './check-lines';
import { readLog } from './read-log';
import { OWN_SHARE, PARALLEL_READING_BYTES, WORKER_START_BYTES } from './read-share';
import { compact, largeLog, scratch, sealed, type LogRecord } from './large-log.test-support';

type Record = LogRecord;

const { dir, write } = scratch('parallel');
let base: Record[];
/** Index of the first line the worker parses in the log as generated. */
let first: number;

beforeAll(async () => {
  ({ records: base, first } = await largeLog(dir));
}, 60_000);

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
      // Marked in the index as facts a moment may be uncertain of (the snapshot's `uncertain`, the page's notice).
      ['facts known only to the day, the month and the year in the share', sealed(base.map((record, index) => (index >= first + 4 && index <= first + 6 ? { ...record, timeprecision: (['day', 'month', 'year'] as const)[index - first - 4] } : record))), undefined],
    ];
    for (const [name, lines, error] of cases) {
      const opened = await expectSameOpen(write(`${lines.join('\n')}\n`));
      if (error) expect(opened.error, name).toMatch(error);
      else expect(opened.error, name).toBeUndefined();
    }
  }, 120_000);

  it('refuses a prevhash of characters that are no hex digits but whose low byte is one, as one thread does', async () => {
    // Buffer's hex write reads a UTF-16 character by its low byte alone: U+0430 (Cyrillic a) as '0',
    // U+0261 as 'a'. Each stands in for the digit, so only the claim's text is wrong, not its bytes.
    const lookalike = (hex: string) => [...hex].map((c) => String.fromCharCode(c.charCodeAt(0) + (c <= '9' ? 0x400 : 0x200))).join('');
    const lines = sealed(base);
    for (const at of [first, first + 5, lines.length - 1]) {
      const forged = lines.map((line, index) => (index === at ? line.replace(/"prevhash":"([0-9a-f]{64})"/, (_, hex: string) => `"prevhash":"${lookalike(hex)}"`) : line));
      expect(forged[at], `line ${at + 1}`).not.toBe(lines[at]);
      const opened = await expectSameOpen(write(`${forged.join('\n')}\n`));
      expect(opened.error, `line ${at + 1}`).toMatch(new RegExp(`^line ${at + 1}: hash chain broken`));
    }
  }, 120_000);

  it('sets aside the same torn tail, wherever the file was cut and wherever the share starts', async () => {
    const lines = sealed(base);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const start = (index: number) => Buffer.byteLength(`${lines.slice(0, index).join('\n')}\n`);
    // Cut so that the share starts a byte before a line, at it and a byte after it (the rest of the
    // file stays large enough for a worker), then cut inside the last line and at its end.
    const at = start(Math.floor(first * 0.9));
    const cuts = [at - 1, at, at + 1].map((split) => Math.ceil((split - WORKER_START_BYTES) / OWN_SHARE));
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
      // On one thread, a step is a line past a two-hundredth of the file (lines are about 700
      // bytes). On two, this thread's steps are such, with what the worker parsed meanwhile (see
      // below), however far that is: as many steps, or more, for a bar to move by.
      if (parseAll) for (let i = 1; i < told.length; i++) expect(told[i]! - told[i - 1]!).toBeLessThan(size / 200 + 2_000);
      else expect(told.length).toBeGreaterThan(50);
    }
  });

  it('on two threads, counts the bytes the worker has parsed as it parses them, not once this thread takes them', async () => {
    const text = `${sealed(base).join('\n')}\n`;
    const path = write(text);
    /** The bytes before the worker's share: this thread's own. */
    const own = Buffer.byteLength(`${sealed(base).slice(0, first).join('\n')}\n`);
    const told: ['read' | 'chained', number][] = [];
    const { source, share } = await readLog(path, { progress: (read) => void told.push(['read', read]), chained: (sofar) => void (sofar && told.push(['chained', sofar.records])) });
    source!.close();
    expect(share).toBeDefined();
    // Told while this thread was still reading its own lines (it then gives the records it chained):
    // this thread had read less than its own share, and the worker some of its.
    const lastOwn = told.findLastIndex(([kind]) => kind === 'chained');
    const whileOwn = told.slice(0, lastOwn).filter(([kind]) => kind === 'read').map(([, read]) => read);
    expect(Math.max(...whileOwn)).toBeGreaterThan(own);
    expect(Math.max(...whileOwn)).toBeLessThanOrEqual(Buffer.byteLength(text));
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
