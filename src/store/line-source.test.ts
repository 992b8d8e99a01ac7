import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog, HEAVY_COMPANY } from '../../bench/generate';
import { toEpoch } from '../core/time';
import type { EventRecord } from '../core/event';
import { factOf, type Effective } from '../core/evolve';
import { parseDraft } from '../core/validate';
import { EventLog } from './event-log';
import { indexPath } from './index-cache';
import { readLog } from './read-log';

const tempLog = () => join(mkdtempSync(join(tmpdir(), 'incumbent-lines-')), 'log.jsonl');

/** Overwrites `from` with `to` (the same length) in the line of record `seq`, in place. */
function rewriteInPlace(path: string, seq: number, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  for (let line = 1; line < seq; line++) start = text.indexOf('\n', start) + 1;
  const at = start + Buffer.byteLength(text.slice(start, text.indexOf(from, start)));
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.from(to), 0, to.length, at);
  closeSync(fd);
}

describe('records read back from the log file', () => {
  it('answer every question as the same records kept in memory do', async () => {
    const path = tempLog();
    await generateLog(path, 4_000, 4);
    const fromDisk = await readLog(path);
    const inMemory = await readLog(path, { keepRecords: true });
    const { ledger } = fromDisk;
    expect(fromDisk.source).toBeDefined();
    expect(ledger.head).toBe(inMemory.ledger.head);
    expect([...ledger.records()]).toEqual([...inMemory.ledger.records()]);
    expect(JSON.parse(`[${Buffer.concat([...ledger.recordsJson(1, ledger.head)]).toString()}]`)).toEqual([...inMemory.ledger.records()]);
    const recorded = [...inMemory.ledger.records()].map((r) => r.recordedtime);
    for (const company of ledger.companies()) {
      // The head state reads its records without keeping them: the same state all the same.
      expect(ledger.timeline(company)!.headState()).toEqual(inMemory.ledger.timeline(company)!.replayFromStart(Infinity, ledger.head));
      const times = inMemory.ledger.timeline(company)!.times;
      for (let i = 0; i < times.length; i += 97) {
        const at = new Date(times[i]!).toISOString();
        const knownAt = recorded[(i * 7) % recorded.length];
        expect(ledger.stateAt(company, at)).toEqual(inMemory.ledger.stateAt(company, at));
        expect(ledger.stateAt(company, at, knownAt)).toEqual(inMemory.ledger.stateAt(company, at, knownAt));
        expect(ledger.stateAt(company, at, knownAt, 'published')).toEqual(inMemory.ledger.stateAt(company, at, knownAt, 'published'));
      }
      // The same fact; replay keeps one read back from the file without its citation (`factOf`).
      const fact = (effect: Effective | undefined) => effect && factOf(effect as unknown as EventRecord);
      expect(ledger.coverageOf(company)).toEqual(fact(inMemory.ledger.coverageOf(company)));
    }
    expect(ledger.companyNames()).toEqual(inMemory.ledger.companyNames());
    fromDisk.source!.close();
    expect(() => ledger.stateAt(HEAVY_COMPANY, '2100-01-01T00:00:00Z')).toThrow(/was closed/);
  });

  it('refuses a line changed in place after the log was opened, naming it, rather than answer from it', async () => {
    const path = tempLog();
    await generateLog(path, 300, 2);
    const log = await EventLog.open(path, { readOnly: true });
    try {
      const { ledger } = log;
      const victim = [...ledger.records()].find((r) => r.type === 'board.joined' && r.subject === HEAVY_COMPANY)!;
      // An index beside it, as if keyed by the changed bytes: it goes with the first line found changed.
      writeFileSync(indexPath(path), 'an index');
      rewriteInPlace(path, victim.seq, 'Person', 'Persun');
      const end = new Date(toEpoch(ledger.record(ledger.head)!.time) + 86_400_000).toISOString();
      expect(() => ledger.stateAt(HEAVY_COMPANY, end)).toThrow(new RegExp(`^line ${victim.seq} of .* changed on disk after the log was opened.*the index beside it was removed`));
      expect(existsSync(indexPath(path))).toBe(false);
      expect(() => ledger.byId(victim.id)).toThrow(/changed on disk/);
      expect(() => [...ledger.recordsJson(1, ledger.head)]).toThrow(new RegExp(`^line ${victim.seq} of .* changed on disk`));
      expect(JSON.parse(`[${Buffer.concat([...ledger.recordsJson(1, victim.seq - 1)]).toString()}]`)).toHaveLength(victim.seq - 1);
      // Cut short: the last line can no longer be read whole.
      truncateSync(path, readFileSync(path).length - 10);
      expect(() => ledger.record(ledger.head)).toThrow(new RegExp(`^line ${ledger.head} of .* changed on disk`));
    } finally {
      log.close();
    }
  });

  it('gives pages as the bytes of their records, in pieces, across those read from the file and those appended since, in UTF-8', async () => {
    const path = tempLog();
    await generateLog(path, 2_500, 2);
    const log = await EventLog.open(path);
    try {
      const names = ['Zoë Łukasiewicz', '陈 思', 'Ada 🦋'];
      const read = log.ledger.head;
      await log.append(names.map((name, i) => parseDraft({ id: `late-${i}`, type: 'board.joined', subject: HEAVY_COMPANY, time: '2026-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: `late-${i}`, name } } })));
      const { ledger } = log;
      const page = (from: number, to: number) => JSON.parse(`[${Buffer.concat([...ledger.recordsJson(from, to)]).toString()}]`) as unknown[];
      const records = [...ledger.records()];
      expect(page(1, ledger.head)).toEqual(records);
      expect(page(read - 1, ledger.head)).toEqual(records.slice(read - 2));
      expect(page(read + 2, ledger.head)).toEqual(records.slice(read + 1));
      expect(page(2, read)).toEqual(records.slice(1, read));
      // Pieces of lines read from the file, then a piece of the records appended since.
      expect(page(read - 1023, ledger.head)).toEqual(records.slice(read - 1024));
      expect((page(read + 1, read + 3) as { data: { person: { name: string } } }[]).map((r) => r.data.person.name)).toEqual(names);
      // Past the head: what there is.
      expect(page(ledger.head, ledger.head + 50)).toEqual(records.slice(-1));
    } finally {
      log.close();
    }
  });
});
