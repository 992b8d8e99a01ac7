/** Small app settings (window bounds, recent logs, theme) in lowdb's JSONFile: rewritten whole, which is fine for a few hundred bytes. */
import { JSONFilePreset } from 'lowdb/node';

export interface Settings {
  window?: { x?: number; y?: number; width: number; height: number; maximized?: boolean };
  recent: string[];
  lastLog?: string;
  theme: 'system' | 'light' | 'dark';
}

const defaults: Settings = { recent: [], theme: 'system' };
const RECENT_LIMIT = 10;

export async function openSettings(path: string) {
  const db = await JSONFilePreset<Settings>(path, defaults);
  return {
    get: (): Readonly<Settings> => db.data,
    update: async (change: (settings: Settings) => void): Promise<void> => {
      change(db.data);
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
