/**
 * Operations only the desktop app offers: they open native dialogs or the clipboard in the main
 * process, so the renderer never names a file path itself. The web mode does these in the page.
 */
import { z } from 'zod';
import type { AppendResult, LogSummary } from './contract';
import { contractArgs } from './contract';

/** Limits of the Open Shared Log dialog's fields (checked again, with reasons, in service/shared-log-request.ts). */
export const SHARED_URL_LIMIT = 2048;
export const SHARED_PASSWORD_LIMIT = 1024;

export const desktopArgs = {
  'file:open': z.strictObject({}),
  'file:new': z.strictObject({}),
  'file:recent': z.strictObject({}),
  /** Only a path from the recent list is accepted: the renderer cannot open arbitrary files. */
  'file:openRecent': z.strictObject({ path: z.string().min(1) }),
  /**
   * A shared log in PostgreSQL, from the Open Shared Log dialog. Desktop only: the web mode has no
   * way for a page to make its host connect to a database it names.
   */
  'file:openShared': z.strictObject({ url: z.string().min(1).max(SHARED_URL_LIMIT), password: z.string().max(SHARED_PASSWORD_LIMIT).optional() }),
  'events:importFile': z.strictObject({}),
  'events:save': z.strictObject({}),
  'snapshot:save': contractArgs['snapshot:build'],
  'snapshot:copy': contractArgs['snapshot:build'],
} as const;

export type DesktopOperation = keyof typeof desktopArgs;
export type DesktopArgs<K extends DesktopOperation> = z.input<(typeof desktopArgs)[K]>;

/** `null` means the user cancelled the dialog. */
export interface DesktopResults {
  'file:open': LogSummary | null;
  'file:new': LogSummary | null;
  'file:recent': string[];
  'file:openRecent': LogSummary;
  'file:openShared': LogSummary;
  'events:importFile': AppendResult | null;
  'events:save': { path: string } | null;
  'snapshot:save': { path: string } | null;
  'snapshot:copy': { bytes: number };
}

export const isDesktopOperation = (name: unknown): name is DesktopOperation => typeof name === 'string' && Object.hasOwn(desktopArgs, name);

/** Commands the main process sends to the page (menu items and accelerators). */
export const menuCommands = ['export-snapshot', 'copy-snapshot', 'add-event', 'compare', 'log-changed', 'open-shared-log', 'import-events', 'export-events', 'theme', 'open-moment'] as const;
export type MenuCommand = (typeof menuCommands)[number];
