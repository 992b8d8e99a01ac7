/** The IPC glue with Electron's ipcMain replaced by a recorder: sender checks and argument validation. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../core/contract';
import { serveIpc, type DesktopHandlers, type IpcRegistrar } from './ipc';

const channels = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
const ipcMain = { handle: (channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) => void channels.set(channel, handler) } as unknown as IpcRegistrar;

const mainFrame = { url: 'app://incumbent/index.html' };
const window = { webContents: { mainFrame } };
const fromWindow = { sender: window.webContents, senderFrame: mainFrame };
const calls: unknown[] = [];
const handlers = {
  'log:summary': async () => ({ title: 'T' }),
  'log:read': async (args: unknown) => (calls.push(args), { records: [], head: 0 }),
  'log:append': async () => ({ appended: [], skipped: [] }),
  'log:import': async () => ({ appended: [], skipped: [] }),
  'snapshot:build': async () => ({ json: '{}', fileName: 'x.json' }),
  'diff:between': async () => ({ changes: [], sentences: [] }),
} as unknown as Handlers;
const desktop = { 'file:openRecent': async (args: unknown) => (calls.push(args), null), 'file:openShared': async (args: unknown) => (calls.push(args), null) } as unknown as DesktopHandlers;

beforeAll(() => serveIpc(ipcMain, handlers, desktop, () => window as never));

describe('IPC glue', () => {
  it('serves every contract and desktop operation on its own channel', () => {
    expect([...channels.keys()]).toEqual(expect.arrayContaining(['log:summary', 'log:read', 'log:append', 'log:import', 'snapshot:build', 'diff:between', 'file:open', 'file:openRecent', 'file:openShared', 'snapshot:save']));
  });

  it('answers our window with the result as data', async () => {
    expect(await channels.get('log:summary')!(fromWindow, {})).toEqual({ ok: true, value: { title: 'T' } });
  });

  it('refuses calls from another frame, another page or another window', async () => {
    const iframe = { sender: window.webContents, senderFrame: { url: mainFrame.url } };
    const otherPage = { sender: window.webContents, senderFrame: { ...mainFrame, url: 'https://example.com/' } };
    const otherWindow = { sender: {}, senderFrame: mainFrame };
    // file:// is no longer our page: the page is only ever served from app://incumbent.
    const filePage = { sender: window.webContents, senderFrame: { ...mainFrame, url: 'file:///opt/incumbent/out/renderer/index.html' } };
    const otherHost = { sender: window.webContents, senderFrame: { ...mainFrame, url: 'app://evil/index.html' } };
    for (const event of [iframe, otherPage, otherWindow, filePage, otherHost, { sender: window.webContents, senderFrame: null }]) {
      expect(await channels.get('log:summary')!(event, {})).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(/did not come from the Incumbent window/) } });
    }
  });

  it('validates arguments before calling service, naming the field', async () => {
    calls.length = 0;
    expect(await channels.get('log:read')!(fromWindow, { fromSeq: -1, limit: 10 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'fromSeq' } });
    expect(await channels.get('log:read')!(fromWindow, { fromSeq: 1, limit: 10, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'extra' } });
    for (const notPlain of [42, 'x', [], new Date(), new Map(), new Uint8Array(2)]) {
      expect(await channels.get('log:summary')!(fromWindow, notPlain)).toMatchObject({ ok: false, error: { code: 'invalid', field: 'arguments' } });
    }
    expect(await channels.get('file:openRecent')!(fromWindow, { path: 'a', constructor: 1 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'constructor' } });
    expect(await channels.get('file:openRecent')!(fromWindow, { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'path' } });
    expect(await channels.get('file:openShared')!(fromWindow, { url: 'postgres://a@db/n?log=x', password: 7 })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'password' } });
    expect(await channels.get('file:openShared')!(fromWindow, { url: 'x'.repeat(5000) })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'url' } });
    expect(await channels.get('file:openShared')!(fromWindow, { url: 'postgres://a@db/n?log=x', host: 'evil' })).toMatchObject({ ok: false, error: { code: 'invalid', field: 'host' } });
    expect(calls).toEqual([]);
    expect(await channels.get('log:read')!(fromWindow, { fromSeq: 1, limit: 10 })).toMatchObject({ ok: true });
    expect(calls).toEqual([{ fromSeq: 1, limit: 10 }]);
  });
});
