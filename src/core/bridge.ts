/** The shape the preload exposes as `window.incumbent`; the renderer's api module reads it. */
import type { Client } from './contract';
import type { DesktopArgs, DesktopOperation, DesktopResults, MenuCommand } from './desktop-contract';
import type { Result } from './errors';

export type DesktopClient = { [K in DesktopOperation]: (args: DesktopArgs<K>) => Promise<Result<DesktopResults[K]>> };

export interface IncumbentBridge {
  contract: Client;
  desktop: DesktopClient;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand, detail?: string) => void): () => void;
}
