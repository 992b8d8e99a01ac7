/** Named moments of the log, beside the scrubber: go to one, keep the current moment under a name, or drop one. */
import { useEffect, useState } from 'react';
import type { Bookmark } from '../../core/contract';
import type { Api } from '../api';
import { unwrap } from '../api';
import { formatInstant } from '../format';

interface Props {
  api: Api;
  company: string;
  at: number;
  knownAt?: string;
  timeZone: string;
  /** A different log: its bookmarks are read again. */
  logId: string;
  onGo(bookmark: Bookmark): void;
  say(message: string, isError?: boolean): void;
}

export function Bookmarks({ api, company, at, knownAt, timeZone, logId, onGo, say }: Props) {
  const [bookmarks, setBookmarks] = useState<Bookmark[]>([]);
  const [name, setName] = useState('');

  useEffect(() => {
    let live = true;
    unwrap(api.contract['bookmarks:list']({})).then((b) => live && setBookmarks(b), () => live && setBookmarks([]));
    return () => {
      live = false;
    };
  }, [api, logId]);

  const save = async (next: Bookmark[]) => {
    try {
      setBookmarks(await unwrap(api.contract['bookmarks:save']({ bookmarks: next })));
      return true;
    } catch (error) {
      say((error as Error).message, true);
      return false;
    }
  };
  const add = async () => {
    const here: Bookmark = { name: name.trim(), company, at: new Date(at).toISOString(), ...(knownAt ? { knownAt } : {}) };
    if (await save([...bookmarks.filter((b) => b.name !== here.name), here].sort((a, b) => a.at.localeCompare(b.at)))) setName('');
  };

  return (
    <section className="bookmarks" aria-label="Bookmarks">
      <ul>
        {bookmarks.map((b) => (
          <li key={b.name}>
            <button type="button" onClick={() => onGo(b)} title={`${formatInstant(Date.parse(b.at), timeZone)}${b.knownAt ? ', as known then' : ''}`}>
              {b.name}
            </button>
            <button type="button" className="icon" aria-label={`Remove the bookmark ${b.name}`} onClick={() => void save(bookmarks.filter((x) => x !== b))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void add();
        }}
      >
        <input aria-label="Name for a bookmark at this moment" placeholder="Name this moment" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Add bookmark
        </button>
      </form>
    </section>
  );
}
