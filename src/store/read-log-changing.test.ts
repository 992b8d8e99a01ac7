/**
 * A large log written to while two threads read it: every line is hashed from the bytes it was
 * parsed from, so a line forged and put back is refused or read again, never believed, and a
 * writer stores an index only for the bytes it read. Also: a last line across the split.
 */
import { closeSync, existsSync, openSync, statSync, utimesSync, writeSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHARE_CHECKER } from './check-lines';
import { readLog } from './read-log';
import { BLOCK_BYTES } from './block-hash';
import { PARALLEL_READING_BYTES, shareStart } from './read-share';
import { AnchorWriter } from './head-anchor';
import { indexPath } from './index-cache';
import { JsonLinesAdapter } from './jsonl-adapter';
import { sha256 } from './seal';
import { compact, largeLog, scratch, sealed, type LogRecord } from './large-log.test-support';

type Record = LogRecord;

const { dir, write } = scratch('changing');
let base: Record[];
/** Index of the first line the worker parses in the log as generated. */
let first: number;

beforeAll(async () => {
  ({ records: base, first } = await largeLog(dir));
}, 60_000);

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

  it('a line changed once both threads have parsed it: no index is stored for bytes other than those read, and the next open finds the change', async () => {
    const lines = sealed(base);
    const at = lines.length - 2;
    const path = write(`${lines.join('\n')}\n`);
    const forged = lines[at]!.replace('"subject":"company-', '"subject":"kompany-');
    const offset = Buffer.byteLength(`${lines.slice(0, at).join('\n')}\n`);
    new AnchorWriter(path).write({ seq: lines.length, hash: sha256(lines.at(-1)!) });
    let changed = false;
    // Once reading has passed the first 16 MiB (this thread's share ends near 11 MiB here): the
    // worker has parsed much of its share by then.
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

  it('a line changed once the log is open, before the key of its index is worked out: no index is stored, and the next open finds the change', async () => {
    const lines = sealed(base);
    const at = lines.length - 2;
    const path = write(`${lines.join('\n')}\n`);
    new AnchorWriter(path).write({ seq: lines.length, hash: sha256(lines.at(-1)!) });
    const adapter = new JsonLinesAdapter(path);
    await adapter.read();
    // The key is worked out in the background, after the open: the line is forged before it is.
    const fd = openSync(path, 'r+');
    writeSync(fd, lines[at]!.replace('"subject":"company-', '"subject":"kompany-'), Buffer.byteLength(`${lines.slice(0, at).join('\n')}\n`));
    closeSync(fd);
    await adapter.indexStored;
    adapter.close();
    expect(existsSync(indexPath(path))).toBe(false);
    await expect(readLog(path)).rejects.toThrow(`line ${lines.length}: hash chain broken`);
    // Unchanged, the same open stores one, keyed by the bytes as they are.
    const clean = write(`${lines.join('\n')}\n`);
    new AnchorWriter(clean).write({ seq: lines.length, hash: sha256(lines.at(-1)!) });
    const writer = new JsonLinesAdapter(clean);
    await writer.read();
    await writer.indexStored;
    writer.close();
    expect((await readLog(clean)).fromIndex).toBe(statSync(clean).size);
  });

  it('a writer reads a last line across the split as one thread does: not JSON, a torn tail; a long one, whatever the worker reached', async () => {
    const lines = sealed(base);
    // The lines of the first 2 MiB, then a last line of 15 MiB: the file is read on two threads, and the worker's share starts inside that line.
    const kept: string[] = [];
    let keptBytes = 0;
    while (keptBytes + Buffer.byteLength(lines[kept.length]!) + 1 <= 2 << 20) {
      keptBytes += Buffer.byteLength(lines[kept.length]!) + 1;
      kept.push(lines[kept.length]!);
    }
    const torn = write(`${kept.join('\n')}\n{"seq":${'x'.repeat(15 << 20)}\n`);
    expect(statSync(torn).size).toBeGreaterThanOrEqual(PARALLEL_READING_BYTES);
    expect(shareStart(statSync(torn).size)).toBeGreaterThan(keptBytes);
    for (const storable of [false, true]) {
      const opened = await readLog(torn, { storable });
      opened.source?.close();
      expect(opened.torn?.reason, `storable: ${storable}`).toBe('not valid JSON');
    }
    // The worker slowed by its checker: it may be stopped before the line's end.
    const last = { ...base[kept.length]!, data: { ...base[kept.length]!.data, note: 'y'.repeat(15 << 20) } };
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
