/**
 * While a large log opens, the records its host has read and chained so far are served (the first
 * state shows seconds sooner at a million events). These pin that nothing served then is other than
 * what the log holds once open: the same bytes; none past what was chained; none from a log that
 * then fails to open, or that opened with other records in their place.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../../bench/generate';
import type { EventRecord } from '../core/event';
import { anchorPath } from '../store/head-anchor';
import { LogSession } from './session';

const options = { appVersion: 'test', live: false };
/** Over 16 MiB: read on two threads, the worker's share chained only at the end. */
const EVENTS = 30_000;

async function largeLog(name: string, companies = 5, events = EVENTS): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'incumbent-early-')), `${name}.jsonl`);
  await generateLog(path, events, companies);
  return path;
}

const textOf = (page: { records: Iterable<Uint8Array> }) => Buffer.concat([...page.records]).toString('utf8');

/** Opens `path` in a new session; `whileOpening` is called once the opening has chained some records, before it ends. */
async function openWhile(path: string, whileOpening: (session: LogSession, checked: number) => Promise<void> | void) {
  const session = new LogSession(options);
  const opening = session.open(path);
  let settled = false;
  opening.then(
    () => (settled = true),
    () => (settled = true),
  );
  let checked = 0;
  while (!settled && checked === 0) {
    checked = (await session.handlers()['log:opening']({}))?.checked ?? 0;
    if (checked === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect(checked, 'the opening ended before it said it had chained any record').toBeGreaterThan(0);
  await whileOpening(session, checked);
  return { session, opening };
}

describe('records served while a log opens', () => {
  it('are the first ones chained, byte for byte those of the log once open; a call past them waits for the log', async () => {
    const path = await largeLog('large');
    const early: { json: string; records: EventRecord[] } = { json: '', records: [] };
    let pastAnswered = false;
    const { session, opening } = await openWhile(path, async (session, checked) => {
      const limit = Math.min(checked, 300);
      early.json = textOf(await session.readJson({ fromSeq: 1, limit: 50_000 }));
      early.records = (await session.handlers()['log:read']({ fromSeq: 1, limit })).records;
      expect(early.records.map((r) => r.seq)).toEqual(Array.from({ length: limit }, (_, i) => i + 1));
      expect(() => session.current, 'answered before the log was open').toThrow('no log is open');
      void session.handlers()['log:read']({ fromSeq: EVENTS - 10, limit: 5 }).then(() => (pastAnswered = true));
    });
    const service = await opening;
    const served = JSON.parse(`[${early.json}]`) as EventRecord[];
    expect(served.length).toBeGreaterThan(0);
    expect(served.length).toBeLessThan(EVENTS);
    expect(early.json).toBe(textOf(service.readJson({ fromSeq: 1, limit: served.length })));
    expect(early.records).toEqual([...service.log.ledger.records(1, early.records.length)]);
    // The line after the last one served in one answer (up to what was chained) is its own record.
    expect(readFileSync(path, 'utf8').split('\n').slice(0, served.length).join(',')).toBe(early.json);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pastAnswered).toBe(true);
    expect(await session.handlers()['log:opening']({})).toBeNull();
    await session.close();
  }, 60_000);

  it('none while another log is open: that log answers, until the new one is open', async () => {
    const [open, large] = [await largeLog('open', 2), await largeLog('switched-to', 9)];
    const session = new LogSession(options);
    const first = await session.open(open);
    const firstRecords = [...first.log.ledger.records(1, 20)];
    const switching = session.open(large);
    let done = false;
    void switching.then(() => (done = true));
    let answers = 0;
    for (; !done; answers += 1) {
      const opening = await session.handlers()['log:opening']({});
      if (opening) expect(opening.checked).toBe(0);
      if (opening) expect((await session.handlers()['log:read']({ fromSeq: 1, limit: 20 })).records).toEqual(firstRecords);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    expect(answers).toBeGreaterThan(5);
    const second = await switching;
    expect((await session.handlers()['log:read']({ fromSeq: 1, limit: 20 })).records).toEqual([...second.log.ledger.records(1, 20)]);
    expect(firstRecords).not.toEqual([...second.log.ledger.records(1, 20)]);
    await session.close();
  }, 60_000);

  it('none from a log whose opening another open asked for after it will follow: a call made then waits for that one', async () => {
    const [large, next] = [await largeLog('first', 2), await largeLog('asked-for-next', 9)];
    let page: Promise<{ records: EventRecord[] }> | undefined;
    let summary: Promise<{ path: string }> | undefined;
    const { session, opening } = await openWhile(large, async (session) => {
      // The user picks another log while none is open yet (the error page's "Open another log…"); the page loads meanwhile.
      void session.open(next).catch(() => undefined);
      expect((await session.handlers()['log:opening']({}))?.checked).toBe(0);
      summary = session.handlers()['log:summary']({});
      page = session.handlers()['log:read']({ fromSeq: 1, limit: 10 });
    });
    await opening;
    expect((await summary!).path).toBe(next);
    expect((await page!).records).toEqual([...session.current.log.ledger.records(1, 10)]);
    await session.close();
  }, 60_000);

  it('from the log opening, asked for again (picked twice): it is the same open', async () => {
    const path = await largeLog('picked-twice');
    let again: Promise<unknown> | undefined;
    const { session, opening } = await openWhile(path, async (session, checked) => {
      again = session.open(path);
      expect((await session.handlers()['log:opening']({}))?.checked).toBeGreaterThanOrEqual(checked);
      expect((await session.handlers()['log:read']({ fromSeq: 1, limit: 10 })).records).toHaveLength(10);
      expect(() => session.current, 'answered before the log was open').toThrow('no log is open');
    });
    expect(await again).toBe(await opening);
    await session.close();
  }, 60_000);

  it('a range within what it said was chained is answered whole, even while a read begun again has not chained it yet', async () => {
    // Its first third more than one chunk (8 MiB) long: a line ahead of this thread is not yet read into memory.
    const path = await largeLog('read-again', 5, 90_000);
    const bytes = readFileSync(path);
    // A line ahead of this thread's reading, in its share (the first third): it sees the break, and the file changed meanwhile.
    const ahead = bytes.indexOf('"seq":25000,') + 1;
    let told = 0;
    let asked: Promise<{ records: EventRecord[] }> | undefined;
    const { session, opening } = await openWhile(path, async (session) => {
      for (; told < 3_000; await new Promise((resolve) => setTimeout(resolve, 1))) told = (await session.handlers()['log:opening']({}))?.checked ?? 0;
      writeFileSync(path, Buffer.concat([bytes.subarray(0, ahead), Buffer.from('S'), bytes.subarray(ahead + 1)]));
      // Read again from its start (on one thread): as soon as it has chained some, fewer than before, the page asks for what it was told was chained.
      for (let now: number | undefined = told; now === 0 || now! >= told; await new Promise((resolve) => setTimeout(resolve, 1))) {
        now = (await session.handlers()['log:opening']({}))?.checked;
        expect(now, 'the opening ended before it read the file again').toBeDefined();
        if (now! > 0 && now! < told) {
          asked = session.handlers()['log:read']({ fromSeq: 1, limit: told });
          break;
        }
      }
      writeFileSync(path, bytes);
    });
    await opening;
    // Fewer would leave the page a gap after them (its next page asked from told + 1).
    expect((await asked!).records).toHaveLength(told);
    await session.close();
  }, 60_000);

  it('from a log that then fails to open: the failure is what every later call is told', async () => {
    const path = await largeLog('damaged');
    // A byte changed in the last record but one: the chain breaks there, long after the first records were served.
    const bytes = readFileSync(path);
    const at = bytes.lastIndexOf('"seq":', bytes.lastIndexOf('\n', bytes.length - 2) - 10);
    bytes[at + 1] = 'S'.charCodeAt(0);
    writeFileSync(path, bytes);
    const { session, opening } = await openWhile(path, async (session) => {
      expect((await session.handlers()['log:read']({ fromSeq: 1, limit: 10 })).records).toHaveLength(10);
    });
    await expect(opening).rejects.toThrow(`line ${EVENTS - 1}`);
    await expect(session.handlers()['log:read']({ fromSeq: 1, limit: 10 })).rejects.toThrow(`line ${EVENTS - 1}`);
    await session.close();
  }, 60_000);

  it('from a log rewritten in place while it opened: the log is refused, not opened with other records under those shown', async () => {
    // No anchor: nothing but the chain says which records the log holds.
    const path = await largeLog('rewritten');
    const other = await largeLog('other', 7);
    rmSync(anchorPath(path));
    const { session, opening } = await openWhile(path, async (session) => {
      expect((await session.handlers()['log:read']({ fromSeq: 1, limit: 10 })).records[9]!.subject).toBeDefined();
      // The same file, its bytes now another log's: two threads reading it then see a break, and it is read again, whole.
      writeFileSync(path, readFileSync(other));
    });
    await expect(opening).rejects.toThrow('changed while it was being opened: its first 10 records are no longer those shown');
    await session.close();
  }, 60_000);
});
