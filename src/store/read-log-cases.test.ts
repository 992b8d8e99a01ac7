/**
 * Two threads answer as one thread (`keepRecords`) on files broken around and inside the worker's
 * share: the chain before any other problem of a line, a batch that did not finish, the last line,
 * cuts near the end. (Written by an outside review, which found six of these answering otherwise.)
 */
import { beforeAll, expect, it } from 'vitest';
import { readLog } from './read-log';
import { largeLog, scratch, sealed, type LogRecord } from './large-log.test-support';
import { sha256 } from './seal';

const { dir, write } = scratch('two-threads');
let base: LogRecord[];
let first: number;
beforeAll(async () => {
  ({ records: base, first } = await largeLog(dir));
}, 60_000);

async function outcome(path: string, keepRecords: boolean) {
  try {
    const { ledger, digests, validBytes, torn, source } = await readLog(path, { keepRecords });
    const { ids: _ids, ...index } = ledger.exportIndex();
    source?.close();
    return { head: ledger.head, index: sha256(JSON.stringify(index, (_k, v) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : v))), digests: sha256(digests.copy().toString('hex')), validBytes, torn: torn && { line: torn.line, reason: torn.reason, bytes: torn.bytes.length } };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Seals records, then replaces the JSON of line `index` (0-based) by `edit(parsed-with-correct-prevhash)`; later lines chain to the edited line. */
function sealedWith(records: LogRecord[], edits: Map<number, (record: LogRecord) => unknown>): string[] {
  let prevhash = '0'.repeat(64);
  return records.map((record, index) => {
    const edit = edits.get(index);
    const value = { ...record, prevhash };
    const line = edit ? JSON.stringify(edit(value)) : JSON.stringify(value);
    prevhash = sha256(line);
    return line;
  });
}

const BAD = 'f'.repeat(64);
const revisionOf = (target: LogRecord, record: LogRecord): LogRecord => ({ ...record, type: 'event.retracted', data: { target: target.id, reason: 'review' } });

it('two threads answer as one thread', async () => {
  const n = () => base.length;
  const cases: [string, () => string][] = [
    ['missing prevhash in share', () => `${sealedWith(base, new Map([[first + 5, ({ prevhash: _p, ...r }) => r]])).join('\n')}\n`],
    ['prevhash a number in share', () => `${sealedWith(base, new Map([[first + 5, (r) => ({ ...r, prevhash: 7 })]])).join('\n')}\n`],
    ['wrong prevhash + unknown type in share', () => `${sealedWith(base, new Map([[first + 5, (r) => ({ ...r, prevhash: BAD, type: 'role.stolen' })]])).join('\n')}\n`],
    ['wrong prevhash + no subject in share', () => `${sealedWith(base, new Map([[first + 5, ({ subject: _s, ...r }) => ({ ...r, prevhash: BAD })]])).join('\n')}\n`],
    ['wrong prevhash + bad batchend in share', () => `${sealedWith(base, new Map([[first + 5, (r) => ({ ...r, prevhash: BAD, batchend: 1 })]])).join('\n')}\n`],
    ['wrong prevhash on first share line', () => `${sealedWith(base, new Map([[first - 1, (r) => ({ ...r, prevhash: BAD })]])).join('\n')}\n`],
    ['wrong prevhash on second share line', () => `${sealedWith(base, new Map([[first, (r) => ({ ...r, prevhash: BAD })]])).join('\n')}\n`],
    ['wrong prevhash on last line', () => `${sealedWith(base, new Map([[n() - 1, (r) => ({ ...r, prevhash: BAD })]])).join('\n')}\n`],
    ['capital prevhash on last line', () => `${sealedWith(base, new Map([[n() - 1, (r) => ({ ...r, prevhash: r.prevhash.toUpperCase() })]])).join('\n')}\n`],
    ['revision as last line', () => `${sealedWith(base, new Map([[n() - 1, (r) => revisionOf(base[n() - 5]!, r)]])).join('\n')}\n`],
    ['revision as last line, wrong prevhash', () => `${sealedWith(base, new Map([[n() - 1, (r) => ({ ...revisionOf(base[n() - 5]!, r), prevhash: BAD })]])).join('\n')}\n`],
    ['revision as last line, unfinished tail after', () => `${sealedWith(base, new Map([[n() - 1, (r) => revisionOf(base[n() - 5]!, r)]])).join('\n')}\n{"seq":`],
    ['torn batch at end with wrong prevhash in 2nd member', () => `${sealedWith(base, new Map(Array.from({ length: 4 }, (_, k) => [n() - 4 + k, (r: LogRecord) => ({ ...r, batchend: n() + 3, ...(k === 2 ? { prevhash: BAD } : {}) })]))).join('\n')}\n`],
    ['torn batch at end with capital prevhash in 2nd member', () => `${sealedWith(base, new Map(Array.from({ length: 4 }, (_, k) => [n() - 4 + k, (r: LogRecord) => ({ ...r, batchend: n() + 3, ...(k === 2 ? { prevhash: r.prevhash.toUpperCase() } : {}) })]))).join('\n')}\n`],
    ['batch across split, wrong prevhash inside (share)', () => `${sealedWith(base, new Map(Array.from({ length: 6 }, (_, k) => [first - 3 + k, (r: LogRecord) => ({ ...r, batchend: base[first + 2]!.seq, ...(k === 4 ? { prevhash: BAD } : {}) })]))).join('\n')}\n`],
    ['not JSON then wrong prevhash after', () => { const l = sealedWith(base, new Map([[first + 6, (r) => ({ ...r, prevhash: BAD })]])); l[first + 5] = '{oops'; return `${l.join('\n')}\n`; }],
    ['wrong prevhash before not JSON', () => { const l = sealedWith(base, new Map([[first + 4, (r) => ({ ...r, prevhash: BAD })]])); l[first + 8] = '{oops'; return `${l.join('\n')}\n`; }],
    ['not JSON last line after wrong prevhash line', () => { const l = sealedWith(base, new Map([[n() - 2, (r) => ({ ...r, prevhash: BAD })]])); l[n() - 1] = '{oops'; return `${l.join('\n')}\n`; }],
    ['empty line in share', () => { const l = sealed(base); l.splice(first + 5, 0, ''); return `${l.join('\n')}\n`; }],
  ];
  const lines = sealed(base);
  const full = Buffer.from(`${lines.join('\n')}\n`);
  const lastStart = full.length - Buffer.byteLength(lines.at(-1)!) - 1;
  for (const cut of [full.length - 1, full.length - 2, full.length - 7, lastStart + 1, lastStart, lastStart - 1, lastStart - 50]) cases.push([`cut at ${cut}`, () => full.subarray(0, cut).toString('latin1')]);

  const diffs: string[] = [];
  for (const [name, make] of cases) {
    const path = write(Buffer.from(make(), name.startsWith('cut') ? 'latin1' : 'utf8'));
    const two = await outcome(path, false);
    const one = await outcome(path, true);
    if (JSON.stringify(two) !== JSON.stringify(one)) diffs.push(`${name}\n  two: ${JSON.stringify(two)}\n  one: ${JSON.stringify(one)}`);
  }
  expect(diffs).toEqual([]);
}, 600_000);
