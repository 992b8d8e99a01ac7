/**
 * A /3 snapshot's `uncertain` periods (from, to) are worked out from the time-zone rules of the
 * runtime that made it. Verified where those rules differ, only the periods differ: `verify` must
 * say that, not accuse the snapshot of an edit it did not undergo. Any other difference is an edit.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli as run } from './run-cli.test-support';

describe('verify --snapshot, with facts known only to the day', () => {
  it('says when only the periods differ (other time-zone rules), and still calls any other change an edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'incumbent-zone-rules-'));
    const [path, snap] = [join(dir, 'openai.jsonl'), join(dir, 'snap.json')];
    copyFileSync(`${BUILT_IN_LOG}.head`, `${path}.head`);
    copyFileSync(BUILT_IN_LOG, path);
    expect((await run(['snapshot', '--log', path, '--at', '2023-11-18T12:00:00-08:00', '--out', snap])).code).toBe(0);
    const made = JSON.parse(readFileSync(snap, 'utf8'));
    const company = made.companies[0];
    expect(company.uncertain.length).toBeGreaterThan(0);
    const withUncertain = (change: (u: Record<string, unknown>) => Record<string, unknown>) => JSON.stringify({ ...made, companies: [{ ...company, uncertain: company.uncertain.map(change) }] });
    // As rules an hour apart would have placed the day.
    const hourLater = (iso: unknown) => new Date(Date.parse(String(iso)) + 3_600_000).toISOString();
    writeFileSync(snap, withUncertain((u) => ({ ...u, from: hourLater(u.from), to: hourLater(u.to) })));
    const shifted = await run(['verify', '--log', path, '--snapshot', snap]);
    expect(shifted.code).toBe(2);
    expect(shifted.err).toMatch(new RegExp(`only in the periods \\(from, to\\) of ${company.uncertain.length} facts? known only to the day, month or year`));
    expect(shifted.err).toMatch(/time-zone rules/);
    expect(shifted.err).not.toMatch(/was edited/);
    // Another fact, or one said applied where the log says not, is an edit whatever the periods.
    writeFileSync(snap, withUncertain((u) => ({ ...u, from: hourLater(u.from), applied: !u.applied })));
    expect(await run(['verify', '--log', path, '--snapshot', snap])).toMatchObject({ code: 2, err: expect.stringMatching(/the snapshot was edited/) });
  });
});
