/**
 * IPC glue: every contract and desktop operation on its own channel. Each call is checked to come
 * from our window's main frame showing a page of our origin (`app://incumbent`, or the dev server
 * in development), and its argument is validated before `service`.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { operations, parseArgs, parseArgsWith, type Handlers } from '../core/contract';
import { desktopArgs, type DesktopOperation, type DesktopResults } from '../core/desktop-contract';
import { IncumbentError, toAppError, type Result } from '../core/errors';
import { isAppUrl } from './app-origin';

/** The one part of Electron's ipcMain we use; passed in, so tests and the reliability suite can
 * drive this exact registration code without Electron. */
export type IpcRegistrar = Pick<IpcMain, 'handle'>;

export type DesktopHandlers = { [K in DesktopOperation]: (args: ReturnType<(typeof desktopArgs)[K]['parse']>) => Promise<DesktopResults[K]> };

function trusted(event: IpcMainInvokeEvent, window: () => BrowserWindow | undefined): boolean {
  const frame = event.senderFrame;
  const win = window();
  return !!frame && !!win && event.sender === win.webContents && frame === win.webContents.mainFrame && isAppUrl(frame.url);
}

/**
 * Aborted when the page that made a call goes away (reloaded, sent elsewhere, its renderer gone or
 * its window closed), as the web host's are when a connection closes: a long poll it waits on ends
 * then, rather than hold its answer for a page that will never read it.
 */
function whilePageStays(sender: WebContents): { signal: AbortSignal; done(): void } {
  const controller = new AbortController();
  const gone = () => controller.abort();
  const navigating = (details: { isMainFrame?: boolean; isSameDocument?: boolean }) => void (details.isMainFrame && !details.isSameDocument && gone());
  sender.on('did-start-navigation', navigating);
  sender.once('render-process-gone', gone);
  sender.once('destroyed', gone);
  const done = () => {
    sender.off('did-start-navigation', navigating);
    sender.off('render-process-gone', gone);
    sender.off('destroyed', gone);
  };
  return { signal: controller.signal, done };
}

async function answer<T>(event: IpcMainInvokeEvent, window: () => BrowserWindow | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<Result<T>> {
  try {
    if (!trusted(event, window)) throw new IncumbentError('invalid', 'refused: the call did not come from the Incumbent window');
    const page = whilePageStays(event.sender);
    try {
      return { ok: true, value: await run(page.signal) };
    } finally {
      page.done();
    }
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}

export function serveIpc(ipcMain: IpcRegistrar, handlers: Handlers, desktop: DesktopHandlers, window: () => BrowserWindow | undefined): void {
  for (const operation of operations) {
    ipcMain.handle(operation, (event, raw: unknown) => answer(event, window, (signal) => (handlers[operation] as (a: unknown, s: AbortSignal) => Promise<unknown>)(parseArgs(operation, raw), signal)));
  }
  for (const operation of Object.keys(desktopArgs) as DesktopOperation[]) {
    ipcMain.handle(operation, (event, raw: unknown) =>
      answer(event, window, () => (desktop[operation] as (a: unknown) => Promise<unknown>)(parseArgsWith(desktopArgs[operation], raw))),
    );
  }
}
