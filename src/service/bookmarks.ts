/**
 * Named moments of a log, kept beside it in `<log>.bookmarks.json` (lowdb's JSONFile, written
 * whole and atomically: a few hundred bytes), so they travel with the log file. Each change reads
 * the file, changes one bookmark and writes it back, one change at a time per file: in this process
 * (a queue), and across processes (a lock file, as a log's writer takes), since the desktop app and
 * web hosts may keep one log's bookmarks at once. Two at once lost one, or raced on lowdb's
 * temporary file.
 */
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { z } from 'zod';
import { StoredBookmark, type Bookmark } from '../core/contract';
import { IncumbentError } from '../core/errors';
import { Serial } from '../core/serial';
import { toEpoch } from '../core/time';
import { LogLock } from '../store/lock';
import { readRegularFile } from '../store/regular-file';

const MAX_BOOKMARKS = 200;
/** Far more than 200 bookmarks take (each is a few hundred bytes): a file larger is not one. */
const MAX_FILE_BYTES = 1 << 20;
const isShared = (path: string) => /^postgres(ql)?:/.test(path);

/** Changes to each bookmarks file in this process, one at a time (a few files: one per log opened). */
const queues = new Map<string, Serial>();
const queueOf = (file: string) => queues.get(file) ?? queues.set(file, new Serial()).get(file)!;

/** How long a change waits for another process's change to the same file (each takes milliseconds). */
const LOCK_WAIT_MS = 5_000;

/** The lock on `path` (`<path>.lock`), waited for while another process holds it for a change of its own. */
async function lockOf(path: string): Promise<LogLock> {
  const until = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return LogLock.acquire(path);
    } catch (error) {
      if (!(error instanceof IncumbentError) || error.code !== 'locked' || Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 10));
    }
  }
}

/** By instant: the text of a moment with another offset sorts elsewhere (01:00-08:00 is after 05:00Z). */
const byMoment = (a: Bookmark, b: Bookmark) => toEpoch(a.at) - toEpoch(b.at);

/** A bookmarks file as written; read, it is input (it travels with the log, and may be edited), checked as the contract checks a bookmark. */
const BookmarksFile = z.strictObject({ bookmarks: z.array(StoredBookmark).max(MAX_BOOKMARKS) });

const notBookmarks = (path: string, why: string) =>
  new IncumbentError('invalid', `${path} is not a bookmarks file (${why}): fix it or move it aside; it is left as it is`, 'bookmarks');

export function bookmarksOf(logPath: string) {
  const path = `${logPath}.bookmarks.json`;
  const read = async () => {
    if (isShared(logPath)) throw new IncumbentError('invalid', 'bookmarks are kept beside a log file; a shared PostgreSQL log has none yet');
    // Not JSONFilePreset: under NODE_ENV=test it swaps in a memory adapter, and tests must see the file.
    // lowdb writes it (whole, atomically); it is read here, as a regular file only: lowdb's read
    // of a FIFO at that name never ended, and every later change to the file queued behind it.
    const db = new Low<{ bookmarks: Bookmark[] }>(new JSONFile(path), { bookmarks: [] });
    let data: unknown = db.data;
    try {
      const bytes = readRegularFile(path, MAX_FILE_BYTES);
      if (bytes) data = JSON.parse(bytes.toString('utf8'));
    } catch (error) {
      throw notBookmarks(path, error instanceof Error ? error.message : String(error));
    }
    const parsed = BookmarksFile.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw notBookmarks(path, `${issue.path.join('.') || 'its top level'}: ${issue.message}`);
    }
    db.data = parsed.data;
    return db;
  };
  /** Writes `change` of the list as it is now, and returns the list written. */
  const change = (edit: (bookmarks: Bookmark[]) => Bookmark[]) =>
    queueOf(path).run(async () => {
      // A shared log has no file beside it to lock (`read` says so).
      const lock = isShared(logPath) ? undefined : await lockOf(path);
      try {
        const db = await read();
        db.data.bookmarks = edit(db.data.bookmarks);
        await db.write();
        return db.data.bookmarks;
      } finally {
        lock?.release();
      }
    });
  return {
    list: async (): Promise<Bookmark[]> => (isShared(logPath) ? [] : (await read()).data.bookmarks),
    /** Adds `bookmark`, in place of one of the same name. */
    add: (bookmark: Bookmark) =>
      change((bookmarks) => {
        const others = bookmarks.filter((b) => b.name !== bookmark.name);
        if (others.length >= MAX_BOOKMARKS) throw new IncumbentError('invalid', `a log keeps at most ${MAX_BOOKMARKS} bookmarks; remove one first`, 'bookmark');
        return [...others, bookmark].sort(byMoment);
      }),
    /** Removes the bookmark named `name`; not an error if there is none (it may have just been removed). */
    remove: (name: string) => change((bookmarks) => bookmarks.filter((b) => b.name !== name)),
  };
}
