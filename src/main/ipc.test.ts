/** The IPC glue with Electron's ipcMain replaced by a recorder: sender checks and argument validation. */
import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Handlers } from '../core/contract';
import { serveIpc, type DesktopHandlers, type IpcRegistrar } from './ipc';

const channels = new Map<string, (event: unknown, args: unknown) => Promise<unknown>>();
const ipcMain = { handle: (channel: string, handler: (event: unknown, args: unknown) => Promise<unknown>) => void channels.set(channel, handler) } as unknown as IpcRegistrar;

const mainFrame = { url: 'app://incumbent/index.html' };
// An event emitter, as Electron's WebContents is: a call's page going away is told by its events.
const window = { webContents: Object.assign(new EventEmitter(), { mainFrame }) };
const fromWindow = { sender: window.webContents, senderFrame: mainFrame };
const calls: unknown[] = [];
const handlers = {
  'log:summary': async () => ({ title: 'T' }),
  'log:read': async (args: unknown) => (calls.push(args), { records: [], head: 0 }),
  // A long poll: answers when its page goes away (its signal aborts), else after a while.
  'log:changes': (_: unknown, signal: AbortSignal) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ records: [], head: 0, waited: 'all' }), 2_000);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve({ records: [], head: 0, waited: 'until the page went' })), { once: true });
    }),
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

  it('ends a long poll when the page that asked goes away (reloaded, closed), not when it only changes its address', async () => {
    const contents = window.webContents;
    const poll = () => channels.get('log:changes')!(fromWindow, { sinceSeq: 0 });
    const inPage = poll();
    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    contents.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(await Promise.race([inPage, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 100))])).toBe('still waiting');
    const reloaded = poll();
    setTimeout(() => contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false }), 50);
    expect(await reloaded).toEqual({ ok: true, value: { records: [], head: 0, waited: 'until the page went' } });
    expect(await inPage).toEqual({ ok: true, value: { records: [], head: 0, waited: 'until the page went' } });
    const closed = poll();
    setTimeout(() => contents.emit('destroyed'), 50);
    expect(await closed).toMatchObject({ value: { waited: 'until the page went' } });
    // Each call's listeners go with it.
    expect(['did-start-navigation', 'render-process-gone', 'destroyed'].map((name) => contents.listenerCount(name))).toEqual([0, 0, 0]);
  });
});
