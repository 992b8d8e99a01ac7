import { pgError } from '../store/postgres/pg-errors';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogSummary } from '../core/contract';
import { IncumbentError } from '../core/errors';
import { openSettings } from '../store/settings';
import type { SecretBox } from '../store/shared-credentials';
import { sharedLogs } from './shared-logs';

const URL_ = 'postgres://alice@db.example:5432/news?log=openai';
const PASSWORD = 'correct horse@battery:staple';
const box = (available: boolean): SecretBox => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
});

async function setup(available = true, fail?: Error) {
  const file = join(mkdtempSync(join(tmpdir(), 'incumbent-shared-')), 'settings.json');
  const settings = await openSettings(file);
  const opened: string[] = [];
  const open = async (location: string) => {
    if (fail) throw fail;
    opened.push(location);
    return { path: 'shown' } as unknown as LogSummary;
  };
  return { file, settings, opened, logs: sharedLogs({ open, settings, secrets: box(available) }) };
}

describe('File > Open Shared Log… and Open Recent', () => {
  it('opens with the password, remembers the connection string without it, the password only encrypted', async () => {
    const { file, settings, opened, logs } = await setup();
    await logs.open({ url: URL_, password: PASSWORD });
    expect(opened).toEqual([`postgres://alice:${encodeURIComponent(PASSWORD)}@db.example:5432/news?log=openai`]);
    const disk = readFileSync(file, 'utf8');
    expect(disk).not.toContain('horse');
    expect(disk).not.toContain(encodeURIComponent(PASSWORD));
    expect(settings.get().recent).toEqual([URL_]);
    expect(settings.get().lastLog).toBe(URL_);
    expect(settings.sharedLogs()).toEqual([{ url: URL_, password: { kind: 'encrypted', data: expect.any(String) } }]);
  });

  it('re-opens a remembered shared log with its decrypted password, and moves it to the top', async () => {
    const { settings, opened, logs } = await setup();
    await logs.open({ url: URL_, password: PASSWORD });
    await settings.remember('/logs/other.jsonl');
    expect(await logs.reopen(URL_)).toEqual({ path: 'shown' });
    expect(opened[1]).toBe(opened[0]);
    expect(settings.get().recent).toEqual([URL_, '/logs/other.jsonl']);
  });

  it('without a keychain, keeps no password and asks for it on re-opening', async () => {
    const { file, opened, logs } = await setup(false);
    await logs.open({ url: `postgres://alice:${encodeURIComponent(PASSWORD)}@db.example:5432/news?log=openai` });
    expect(opened).toHaveLength(1);
    expect(readFileSync(file, 'utf8')).not.toContain('horse');
    expect(JSON.parse(readFileSync(file, 'utf8')).shared).toEqual([{ url: URL_, password: { kind: 'ask' } }]);
    expect(await logs.reopen(URL_)).toBe('ask');
    expect(opened).toHaveLength(1);
  });

  it('a log that needs no password re-opens without one', async () => {
    const { opened, logs } = await setup();
    await logs.open({ url: URL_ });
    await logs.reopen(URL_);
    expect(opened).toEqual([URL_, URL_]);
  });

  it('remembers nothing when the log does not open', async () => {
    const { file, settings, logs } = await setup(true, new IncumbentError('io', 'the PostgreSQL server at db.example:5432 did not answer'));
    await expect(logs.open({ url: URL_, password: PASSWORD })).rejects.toThrow(/did not answer/);
    expect(settings.get().recent).toEqual([]);
    expect(settings.sharedLogs()).toEqual([]);
    expect(() => readFileSync(file, 'utf8')).toThrow();
  });

  it('a server that asks for a password none was given for is said on the dialog\'s password field, not with the terminal\'s advice', async () => {
    const asked = pgError(new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'db.example:5432', 'open the log');
    const { logs } = await setup(true, asked);
    await expect(logs.open({ url: URL_ })).rejects.toMatchObject({ field: 'password', message: 'password: is needed: the PostgreSQL server asks for one' });
  });

  it('refuses an invalid request before connecting, and re-opens only remembered logs', async () => {
    const { opened, logs } = await setup();
    await expect(logs.open({ url: 'postgres://alice@db/news' })).rejects.toMatchObject({ field: 'url' });
    await expect(logs.reopen('postgres://mallory@evil.example/x?log=y')).rejects.toMatchObject({ field: 'url', message: 'url: is not one of the recent shared logs' });
    expect(opened).toEqual([]);
  });
});
