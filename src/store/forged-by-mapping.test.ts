/**
 * A line forged and put back through a shared memory mapping while two threads read the log: a
 * write the file's ctime does not show (the kernel stamps only a page's first write through a
 * mapping). Every line is hashed from the bytes it was parsed from, so the forgery is refused as
 * read, never indexed, and never stored in an index beside the log. (Found by an outside review;
 * the mapping is made by Python's mmap, which Node lacks.)
 */
import { closeSync, existsSync, mkdtempSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readLog } from './read-log';
import { JsonLinesAdapter } from './jsonl-adapter';
import { indexPath } from './index-cache';
import { largeLog, sealed, type LogRecord } from './large-log.test-support';

const python = spawnSync('python3', ['-c', 'import mmap'], { stdio: 'ignore' }).status === 0;
if (!python) console.log('[test] SKIPPED forged-by-mapping.test.ts: python3 with mmap is not installed here');

/** Maps the file shared, writes `first` at `offset` through it, says so; when asked on `cmd`, writes `then` through it and says so on `ack`. */
const HELPER = `
import mmap, sys
path, offset, first, then, cmd, ack = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3]), bytes.fromhex(sys.argv[4]), sys.argv[5], sys.argv[6]
f = open(path, 'r+b')
m = mmap.mmap(f.fileno(), 0)
m[offset:offset + len(first)] = first
print('ready', flush=True)
open(cmd, 'rb').read()
m[offset:offset + len(then)] = then
open(ack, 'wb').write(b'ok')
`;

const dir = mkdtempSync(join(tmpdir(), 'incumbent-mapping-'));
let base: LogRecord[];
beforeAll(async () => {
  if (python) ({ records: base } = await largeLog(dir));
}, 60_000);

let helper: ChildProcess | undefined;
afterEach(() => {
  helper?.kill();
  helper = undefined;
});

let logs = 0;
/**
 * The log as sealed, with line 5 forged through a mapping now; `restore()` puts it back through it
 * (waiting till it has). `later`: line 5 is written through the mapping as it is now (the page's
 * first write, which moves the ctime), and `restore()` forges it: a write the ctime does not show.
 */
async function forgedByMapping(later = false) {
  const lines = sealed(base);
  const forged = lines[4]!.replace('"subject":"company-', '"subject":"kompany-');
  const path = join(dir, `log-${(logs += 1)}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const offset = Buffer.byteLength(`${lines.slice(0, 4).join('\n')}\n`);
  const [cmd, ack] = [join(dir, `cmd-${logs}`), join(dir, `ack-${logs}`)];
  execFileSync('mkfifo', [cmd, ack]);
  const [first, then] = later ? [lines[4]!, forged] : [forged, lines[4]!];
  helper = spawn('python3', ['-c', HELPER, path, String(offset), Buffer.from(first).toString('hex'), Buffer.from(then).toString('hex'), cmd, ack], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    helper!.stdout!.once('data', () => resolve());
    helper!.once('exit', (code) => reject(new Error(`helper exited ${code}`)));
  });
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    const ask = openSync(cmd, 'w');
    writeSync(ask, 'go');
    closeSync(ask);
    const answer = openSync(ack, 'r');
    readSync(answer, Buffer.alloc(2), 0, 2, null);
    closeSync(answer);
  };
  return { path, subject: (JSON.parse(forged) as LogRecord).subject, restore };
}

describe.skipIf(!python)('a line forged and put back through a shared mapping while the log is opened', () => {
  it('is refused where it was read: its chain is broken there', async () => {
    const { path, restore } = await forgedByMapping();
    // Put back as soon as this thread has taken line 5 in, before the worker could hash it.
    await expect(readLog(path, { oneShot: true, taken: () => (record) => void (record.seq === 5 && restore()) })).rejects.toThrow(/^line 6: hash chain broken/);
  }, 60_000);

  it('leaves no index beside the log saying what no line says', async () => {
    const { path, restore } = await forgedByMapping();
    // A writer's open (the app, the web host), which stores an index of what it read; the line is
    // put back once reading is under way.
    const adapter = new JsonLinesAdapter(path, { progress: (read) => void (read > 0 && restore()) });
    await expect(adapter.read()).rejects.toThrow(/^line 6: hash chain broken/);
    await adapter.indexStored;
    adapter.close();
    expect(existsSync(indexPath(path))).toBe(false);
  }, 60_000);

  it('forged once the log is open, before its index is keyed: refused where it is read back, and the index goes with it', async () => {
    const { path, restore } = await forgedByMapping(true);
    const adapter = new JsonLinesAdapter(path);
    await adapter.read();
    // Unseen by the ctime, so an index may be stored keyed by the forged bytes.
    restore();
    await adapter.indexStored;
    adapter.close();
    const reopened = await readLog(path);
    expect(reopened.fromIndex).toBeGreaterThan(0);
    expect(() => reopened.ledger.record(5)).toThrow(/^line 5 of .* changed on disk after the log was opened.*the index beside it was removed/);
    reopened.source!.close();
    expect(existsSync(indexPath(path))).toBe(false);
    await expect(readLog(path)).rejects.toThrow(/^line 6: hash chain broken/);
  }, 60_000);
});
