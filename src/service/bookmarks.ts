/**
 * Named moments of a log, kept beside it in `<log>.bookmarks.json` (lowdb's JSONFile, written
 * whole and atomically: a few hundred bytes), so they travel with the log file.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { Bookmark } from '../core/contract';
import { IncumbentError } from '../core/errors';

const isShared = (path: string) => /^postgres(ql)?:/.test(path);

export function bookmarksOf(logPath: string) {
  const file = () => {
    if (isShared(logPath)) throw new IncumbentError('invalid', 'bookmarks are kept beside a log file; a shared PostgreSQL log has none yet');
    // Not JSONFilePreset: under NODE_ENV=test it swaps in a memory adapter, and tests must see the file.
    const db = new Low<{ bookmarks: Bookmark[] }>(new JSONFile(`${logPath}.bookmarks.json`), { bookmarks: [] });
    return db.read().then(() => db);
  };
  return {
    list: async (): Promise<Bookmark[]> => (isShared(logPath) ? [] : (await file()).data.bookmarks),
    save: async (bookmarks: Bookmark[]): Promise<Bookmark[]> => {
      const seen = new Set<string>();
      bookmarks.forEach(({ name }, index) => {
        if (seen.has(name)) throw new IncumbentError('invalid', `"${name}" names two bookmarks`, `bookmarks.${index}.name`);
        seen.add(name);
      });
      const db = await file();
      db.data.bookmarks = bookmarks;
      await db.write();
      return bookmarks;
    },
  };
}
