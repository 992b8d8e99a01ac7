/**
 * `incumbent init --log postgres://…?log=NAME` on a log that already exists (or that another writer
 * starts first) opened that log and said "created", with its own title unused, exit 0: the store
 * creates a missing log and opens an existing one alike. `init` opens with `startOnly`: refused.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { pgLogsForTests } from './pg-logs.test-support';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-init.test.ts', skipped);
afterAll(() => cluster?.destroy());
const { newLog, open } = pgLogsForTests(cluster, 'pg-init');

describe.skipIf(!cluster)(`init of a PostgreSQL log${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('starts a new one, and refuses one that exists, leaving it as it was', async () => {
    const url = newLog();
    const said: string[] = [];
    const io = { out: (text: string) => void said.push(text), err: (text: string) => void said.push(text), readStdin: async () => '' };
    expect(await main(['init', '--log', url, '--title', 'First'], io)).toBe(0);
    said.length = 0;
    expect(await main(['init', '--log', url, '--title', 'Second'], io)).toBe(1);
    expect(said.join('')).not.toMatch(/created/);
    expect(said.join('')).toMatch(/already exists/);
    const log = await open(url, {});
    expect(log.ledger.head).toBe(1);
    expect(log.ledger.title).toBe('First');
  }, 60_000);
});
