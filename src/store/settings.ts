/** Small app settings (window bounds, recent logs, theme) in lowdb's JSONFile: rewritten whole, which is fine for a few hundred bytes. */
import { renameSync } from 'node:fs';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { sharedEntriesOf, type SharedLogEntry } from './shared-credentials';

export interface Settings {
  window?: { x?: number; y?: number; width: number; height: number; maximized?: boolean };
  /** Files and shared logs' connection strings (never with a password), most recent first. */
  recent: string[];
  /** Shared logs opened before: how each gets its password (src/store/shared-credentials.ts). */
  shared?: SharedLogEntry[];
  lastLog?: string;
  theme: 'system' | 'light' | 'dark';
}

// A new object each time: lowdb keeps the defaults object as its data and changes it in place.
const defaults = (): Settings => ({ recent: [], theme: 'system' });

const finite = z.number().finite();
/** Each field as read, or its default (or none) when it is not what the app writes there. */
const SettingsFile = z.object({
  window: z.object({ x: finite.optional(), y: finite.optional(), width: finite, height: finite, maximized: z.boolean().optional() }).optional().catch(undefined),
  recent: z.array(z.unknown()).catch([]).transform((recent) => recent.filter((entry): entry is string => typeof entry === 'string')),
  shared: z.unknown().optional(),
  lastLog: z.string().optional().catch(undefined),
  theme: z.enum(['system', 'light', 'dark']).catch('system'),
});

function wellFormed(data: unknown): Settings {
  const { window, recent, shared, lastLog, theme } = SettingsFile.parse(typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {});
  return { recent, theme, ...(window ? { window } : {}), ...(lastLog !== undefined ? { lastLog } : {}), ...(shared !== undefined ? { shared: sharedEntriesOf(shared) } : {}) };
}
const RECENT_LIMIT = 10;

/** Moves an unreadable settings file out of the way of the next write (`settings.json.unreadable-<time>`), so what it held is not lost. */
function keepAside(path: string): void {
  try {
    renameSync(path, `${path}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  } catch {
    // Immovable (no rights to the folder): the next write says why.
  }
}

export async function openSettings(path: string) {
  // Not JSONFilePreset: under NODE_ENV=test it swaps in a memory adapter, and tests must see the real file.
  const db = new Low<Settings>(new JSONFile(path), defaults());
  // The file is the user's to edit: one that is not JSON starts the app with the defaults, rather
  // than stopping it, and is kept beside it as it was; each field is kept only if well-formed.
  await db.read().catch((error: unknown) => error instanceof SyntaxError && keepAside(path));
  db.data = wellFormed(db.data);
  return {
    get: (): Readonly<Settings> => db.data,
    update: async (change: (settings: Settings) => void): Promise<void> => {
      change(db.data);
      await db.write();
    },
    /** The well-formed shared-log entries (the file is the user's to edit; nothing in it is trusted). */
    sharedLogs: (): SharedLogEntry[] => sharedEntriesOf(db.data.shared),
    /** Keeps (or replaces) a shared log's entry and moves it to the top of the recent list, in one write. */
    rememberShared: async (entry: SharedLogEntry): Promise<void> => {
      db.data.shared = [entry, ...sharedEntriesOf(db.data.shared).filter((e) => e.url !== entry.url)].slice(0, RECENT_LIMIT);
      db.data.recent = [entry.url, ...db.data.recent.filter((p) => p !== entry.url)].slice(0, RECENT_LIMIT);
      db.data.lastLog = entry.url;
      await db.write();
    },
    /** Moves a log to the top of the recent list. */
    remember: async (logPath: string): Promise<void> => {
      db.data.recent = [logPath, ...db.data.recent.filter((p) => p !== logPath)].slice(0, RECENT_LIMIT);
      db.data.lastLog = logPath;
      await db.write();
    },
  };
}
export type SettingsStore = Awaited<ReturnType<typeof openSettings>>;
