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

/** Maps the file shared, writes `forged` at `offset` through it, says so; when asked on `cmd`, writes `original` back through it and says so on `ack`. */
const HELPER = `
import mmap, sys
path, offset, forged, original, cmd, ack = sys.argv[1], int(sys.argv[2]), bytes.fromhex(sys.argv[3]), bytes.fromhex(sys.argv[4]), sys.argv[5], sys.argv[6]
f = open(path, 'r+b')
m = mmap.mmap(f.fileno(), 0)
m[offset:offset + len(forged)] = forged
print('ready', flush=True)
open(cmd, 'rb').read()
m[offset:offset + len(original)] = original
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
/** The log as sealed, with line 5 forged through a mapping now; `restore()` puts it back through it (waiting till it has). */
async function forgedByMapping() {
  const lines = sealed(base);
  const forged = lines[4]!.replace('"subject":"company-', '"subject":"kompany-');
  const path = join(dir, `log-${(logs += 1)}.jsonl`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  const offset = Buffer.byteLength(`${lines.slice(0, 4).join('\n')}\n`);
  const [cmd, ack] = [join(dir, `cmd-${logs}`), join(dir, `ack-${logs}`)];
  execFileSync('mkfifo', [cmd, ack]);
  helper = spawn('python3', ['-c', HELPER, path, String(offset), Buffer.from(forged).toString('hex'), Buffer.from(lines[4]!).toString('hex'), cmd, ack], { stdio: ['ignore', 'pipe', 'inherit'] });
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
});
