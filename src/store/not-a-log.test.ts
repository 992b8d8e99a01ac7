import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotSaid } from './not-a-log';

afterEach(() => vi.restoreAllMocks());

describe('telling a snapshot from a log refused at its first line', () => {
  it('parses only a file that names the snapshot format: any other costs a search, not a parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const nested = Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(snapshotSaid('deep.json', nested)).toBeUndefined();
    expect(snapshotSaid('other.json', Buffer.from('{"format":"something-else/1"}'))).toBeUndefined();
    expect(parse).not.toHaveBeenCalled();
    expect(snapshotSaid('snap.json', Buffer.from('{"companies":[],"format":"incumbent.snapshot/3"}'))?.message).toMatch(/^snap\.json is a snapshot \(incumbent\.snapshot\/3\), not a log/);
    expect(parse).toHaveBeenCalledTimes(1);
  });
});
