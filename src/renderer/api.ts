/**
 * The renderer's one door to the outside. In the desktop app it is the preload's bridge; in the
 * web mode the same contract over HTTP with the per-launch token. Nothing else talks to a process.
 */
import type { DesktopClient, IncumbentBridge } from '../core/bridge';
import { operations, type Client } from '../core/contract';
import type { MenuCommand } from '../core/desktop-contract';
import type { Result } from '../core/errors';
import { tokenIn, withoutToken } from './web-token';

export interface Api {
  mode: 'desktop' | 'web';
  contract: Client;
  desktop?: DesktopClient;
  onMenuCommand(listener: (command: MenuCommand, detail?: string) => void): () => void;
  /**
   * In the web mode, what the replay worker needs to read the log's pages over HTTP itself (so the
   * page's thread neither parses nor copies them). The desktop bridge exists only in the page.
   */
  http?: { token: string };
}

declare global {
  interface Window {
    incumbent?: IncumbentBridge;
  }
}

/** The web token arrives in the URL fragment (never sent to a server or a Referer); keep it for reloads. */
function webToken(): string {
  const token = tokenIn(window.location.hash);
  if (token) {
    sessionStorage.setItem('incumbent-token', token);
    // Drop the token from the address; keep anything else there (a shared moment: #company=...&at=...).
    const rest = withoutToken(window.location.hash);
    history.replaceState(null, '', `${window.location.pathname}${rest ? `#${rest}` : ''}`);
  }
  return sessionStorage.getItem('incumbent-token') ?? '';
}

/** The contract over HTTP with the launch's token; usable in the page and in its workers (same origin). */
export function httpClient(token: string): Client {
  const call = async (operation: string, args: unknown): Promise<Result<unknown>> => {
    try {
      const response = await fetch(`/api/${operation}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args ?? {}) });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      // A page cut short (a line changed on disk after the host began sending it) ends here too.
      return { ok: false, error: { code: 'io', message: `the Incumbent server did not answer, or its answer was cut short (${(error as Error).message}); the server's console may say why` } };
    }
  };
  return Object.fromEntries(operations.map((operation) => [operation, (args: unknown) => call(operation, args)])) as unknown as Client;
}

export function createApi(): Api {
  const bridge = window.incumbent;
  if (bridge) return { mode: 'desktop', contract: bridge.contract, desktop: bridge.desktop, onMenuCommand: bridge.onMenuCommand };
  const token = webToken();
  return { mode: 'web', contract: httpClient(token), onMenuCommand: () => () => {}, http: { token } };
}

/** Unwraps a result, turning an error into a thrown Error whose message names the field. */
export async function unwrap<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (r.ok) return r.value;
  throw Object.assign(new Error(r.error.field ? `${r.error.field}: ${r.error.message}` : r.error.message), { appError: r.error });
}
