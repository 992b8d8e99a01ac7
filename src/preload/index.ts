/**
 * The only bridge between the page and the main process: each contract operation as a named
 * function, and menu commands. No raw ipcRenderer, no Node, nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { IncumbentBridge } from '../core/bridge';
import type { Operation } from '../core/contract';
import type { DesktopOperation, MenuCommand } from '../core/desktop-contract';

// Listed here rather than imported, so the preload stays a tiny file; `satisfies` makes the
// compiler check the lists against the contract (a missing or extra channel fails the build).
const contractChannels = { 'log:summary': 1, 'log:opening': 1, 'log:read': 1, 'log:changes': 1, 'log:append': 1, 'log:import': 1, 'snapshot:build': 1, 'diff:between': 1, 'bookmarks:list': 1, 'bookmarks:add': 1, 'bookmarks:remove': 1 } satisfies Record<Operation, 1>;
const desktopChannels = { 'file:open': 1, 'file:new': 1, 'file:recent': 1, 'file:openRecent': 1, 'file:openShared': 1, 'events:importFile': 1, 'events:save': 1, 'snapshot:save': 1, 'snapshot:copy': 1 } satisfies Record<DesktopOperation, 1>;

const invokers = <K extends string>(channels: Record<K, 1>) =>
  Object.fromEntries(Object.keys(channels).map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(channel, args)]));

const bridge = {
  contract: invokers(contractChannels) as unknown as IncumbentBridge['contract'],
  desktop: invokers(desktopChannels) as unknown as IncumbentBridge['desktop'],
  onMenuCommand(listener: (command: MenuCommand, detail?: string) => void) {
    const forward = (_event: IpcRendererEvent, command: MenuCommand, detail?: string) => listener(command, detail);
    ipcRenderer.on('menu:command', forward);
    return () => void ipcRenderer.removeListener('menu:command', forward);
  },
} satisfies IncumbentBridge;

contextBridge.exposeInMainWorld('incumbent', bridge);
