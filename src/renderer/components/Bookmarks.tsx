/**
 * Named moments of the log, beside the scrubber: go to one, keep the current moment under a name,
 * or drop one. They are the log's, not a company's: they stay on the page (and keep the focus)
 * while another company's view is on its way.
 */
import { useEffect, useRef, useState } from 'react';
import type { Bookmark } from '../../core/contract';
import type { Api } from '../api';
import { unwrap } from '../api';
import { formatInstant } from '../format';
import { Button } from './Button';

interface Props {
  api: Api;
  company: string;
  /** The log's companies, to say whose moment a bookmark keeps. */
  companies: { id: string; name: string }[];
  /** The moment a new bookmark keeps; none while the company's view is on its way (nothing to add then). */
  at: number | undefined;
  knownAt?: string;
  /** The shown company's zone; another company's bookmark is told in UTC, since its zone is not known here. */
  timeZone: string;
  /** A different log: its bookmarks are read again. */
  logId: string;
  onGo(bookmark: Bookmark): void;
  say(message: string, isError?: boolean): void;
}

export function Bookmarks({ api, company, companies, at, knownAt, timeZone, logId, onGo, say }: Props) {
  const [bookmarks, setBookmarks] = useState<Bookmark[]>([]);
  const [name, setName] = useState('');
  const nameField = useRef<HTMLInputElement>(null);
  /** Answers are shown in the order they were asked for: a list read before an add, answered after it, would hide the new bookmark. */
  const asked = useRef(0);
  const shown = useRef(0);
  const showIfLatest = (order: number, list: Bookmark[]) => {
    if (order < shown.current) return;
    shown.current = order;
    setBookmarks(list);
  };

  useEffect(() => {
    let live = true;
    const order = ++asked.current;
    unwrap(api.contract['bookmarks:list']({})).then((b) => live && showIfLatest(order, b), () => live && showIfLatest(order, []));
    return () => {
      live = false;
    };
  }, [api, logId]);

  /** Shows the list the host answers with: each change is made there, to the list as it is then. */
  const change = async (request: ReturnType<Api['contract']['bookmarks:add']>) => {
    const order = ++asked.current;
    try {
      showIfLatest(order, await unwrap(request));
      return true;
    } catch (error) {
      say((error as Error).message, true);
      return false;
    }
  };
  const canAdd = !!name.trim() && at !== undefined;
  const add = async (at: number) => {
    const bookmark: Bookmark = { name: name.trim(), company, at: new Date(at).toISOString(), ...(knownAt ? { knownAt } : {}) };
    if (!(await change(api.contract['bookmarks:add']({ bookmark })))) return;
    setName('');
    say(`Bookmark "${bookmark.name}" added.`);
  };
  /** The removed bookmark's buttons leave the page: the focus goes to the name field, not to the page's body. */
  const remove = async (bookmark: Bookmark) => {
    if (!(await change(api.contract['bookmarks:remove']({ name: bookmark.name })))) return;
    nameField.current?.focus();
    say(`Bookmark "${bookmark.name}" removed.`);
  };

  return (
    <section className="bookmarks" aria-label="Bookmarks">
      <ul>
        {bookmarks.map((b) => (
          <li key={b.name}>
            <button type="button" onClick={() => onGo(b)} title={`${companies.find((c) => c.id === b.company)?.name ?? b.company}, ${formatInstant(Date.parse(b.at), b.company === company ? timeZone : 'UTC')}${b.knownAt ? ', as known then' : ''}`}>
              {b.name}
            </button>
            <button type="button" className="icon" aria-label={`Remove the bookmark ${b.name}`} onClick={() => void remove(b)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (canAdd) void add(at);
        }}
      >
        <input ref={nameField} aria-label="Name for a bookmark at this moment" placeholder="Name this moment" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" available={canAdd}>
          Add bookmark
        </Button>
      </form>
    </section>
  );
}
