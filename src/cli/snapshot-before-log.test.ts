/**
 * A snapshot as known before the log's first record (a log written today about 2023, asked as
 * known in 2023) names head #0, the chain's genesis. `verify --snapshot` refused every such export
 * as an invalid `--head` (an option not given), so what `snapshot` wrote could never be checked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

describe('verify --snapshot of a snapshot as known before the log began', () => {
  it('matches, and an edit of it is still found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-head0-'));
    const [log, snap] = [join(dir, 'acme.jsonl'), join(dir, 'early.json')];
    expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
    expect((await run(['snapshot', '--log', log, '--at', '2024-02-15T00:00:00Z', '--known-at', '2024-03-01T00:00:00Z', '--out', snap])).code).toBe(0);
    const exported = JSON.parse(readFileSync(snap, 'utf8'));
    expect(exported.provenance.head).toEqual({ seq: 0, hash: '0'.repeat(64) });
    expect(await run(['verify', '--log', log, '--snapshot', snap])).toMatchObject({ code: 0, out: expect.stringMatching(/snapshot of 2024-02-15T00:00:00.000Z at head #0 matches/) });

    writeFileSync(snap, JSON.stringify({ ...exported, provenance: { ...exported.provenance, head: { seq: 0, hash: 'f'.repeat(64) } } }));
    expect((await run(['verify', '--log', log, '--snapshot', snap])).code).toBe(2);
    writeFileSync(snap, JSON.stringify({ ...exported, provenance: { ...exported.provenance, knownAt: '2099-01-01T00:00:00.000Z' } }));
    expect(await run(['verify', '--log', log, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
    // --head names a record: #0 is none.
    expect((await run(['verify', '--log', log, '--head', `0:${'0'.repeat(64)}`])).code).toBe(1);
  });
});
