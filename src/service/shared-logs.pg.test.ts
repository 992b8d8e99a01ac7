/**
 * Open Shared Log against a real PostgreSQL (a throwaway cluster): the connection string with its
 * password opens the log through the same session the desktop uses, and neither what the page is
 * shown nor the settings file has the password. Skipped, saying why, where PostgreSQL cannot start.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterForTests, sayWhySkipped } from '../store/postgres/cluster.test-support';
import { PgEventLog } from '../store/postgres/pg-event-log';
import { openSettings } from '../store/settings';
import { LogSession } from './session';
import { sharedLogs } from './shared-logs';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('shared-logs.pg.test.ts', skipped);
const session = new LogSession({ appVersion: 'test', live: true });
afterAll(async () => {
  await session.close();
  cluster?.destroy();
});

const PASSWORD = 'p@ss:w/rd%41';
const keychain = { isEncryptionAvailable: () => true, encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };

describe.skipIf(!cluster)('Open Shared Log on a real server', () => {
  it('opens with the password; the page and the settings never see it', async () => {
    const url = cluster!.url('newsroom');
    await (await PgEventLog.open(url, { create: { title: 'Newsroom' } })).close();
    const file = join(mkdtempSync(join(tmpdir(), 'incumbent-shared-pg-')), 'settings.json');
    const settings = await openSettings(file);
    const logs = sharedLogs({ open: async (location) => (await session.open(location))['log:summary']({}), settings, secrets: keychain });
    // The test cluster trusts loopback, so any password is accepted: what matters is where it goes.
    const summary = await logs.open({ url, password: PASSWORD });
    expect(summary.title).toBe('Newsroom');
    expect(summary.path).toBe(url);
    expect(JSON.stringify(summary)).not.toMatch(/p@ss|p%40ss|w\/rd/);
    const disk = readFileSync(file, 'utf8');
    expect(disk).not.toMatch(/p@ss|p%40ss|w\/rd/);
    expect(settings.get().recent).toEqual([url]);
    expect(await logs.reopen(url)).toMatchObject({ title: 'Newsroom' });
  });

  it('says what failed, naming the server, and remembers nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'incumbent-shared-pg-')), 'settings.json');
    const settings = await openSettings(file);
    const logs = sharedLogs({ open: async (location) => (await session.open(location))['log:summary']({}), settings, secrets: keychain });
    const failure = await logs.open({ url: cluster!.url('nobody-made-this'), password: PASSWORD }).catch((error: Error) => error);
    expect((failure as Error).message).toMatch(/no log "nobody-made-this" in postgres:\/\/incumbent@127\.0\.0\.1:\d+\/postgres\?log=nobody-made-this/);
    expect((failure as Error).message).not.toMatch(/p@ss|p%40ss/);
    expect(settings.get().recent).toEqual([]);
  });
});
