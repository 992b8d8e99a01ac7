/**
 * The events of the chosen company in effective-time order, virtualised (only the rows in view are
 * in the DOM, and only their records are fetched from the worker), filtered by the worker, in step
 * with the scrubber. The list is one tab stop: arrow keys move between rows (roving tabindex),
 * Enter goes to the event's moment, and each row's actions sit in a visible menu.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { lowerBound, upperBound } from '../../core/search';
import { formatAt } from '../format';
import { KINDS, kindLabel } from '../kinds';
import type { ReplayClient } from '../replay-client';
import { isFiltering, type EventRow, type FilterSpec, type Knowing, type TimelineView } from '../replay-protocol';
import { citationOf, textOf } from './CitationDialog';
import { MenuButton } from './MenuButton';
import { RowBadges } from './SourceButton';
import { Spoken } from './Spoken';
import { useAnnouncer } from '../useAnnouncer';
import { useDrawerFocus } from '../useDrawerFocus';
import { OVERSCAN, ROW, scrollSpace, tabStopRow } from './events-scroll';

interface Props {
  replay: ReplayClient;
  view: TimelineView;
  current: number;
  /** The playhead is being dragged. */
  scrubbing?: boolean;
  filter: FilterSpec;
  onFilter(filter: FilterSpec): void;
  /** Who reads the log: as known at a time, no event may have been recorded (or published) yet. */
  known: Knowing;
  /** Positions that pass the filter; undefined when there is no filter. */
  matches?: Int32Array;
  onSelect(row: EventRow, position: number): void;
  onSource(row: EventRow): void;
  onRevise(row: EventRow, mode: 'correct' | 'retract'): void;
  /** Shown in a drawer (narrow windows): a close button. */
  onClose?(): void;
  hidden?: boolean;
}

/** Escape closes the drawer, unless it is clearing the search field (the browser's own use of it there). */
const closesDrawer = (e: React.KeyboardEvent) => e.key === 'Escape' && !(e.target instanceof HTMLInputElement && e.target.type === 'search' && e.target.value);

/** Memoised: a move of the moment that does not change the current row leaves the list as it is. */
export const EventsList = memo(function EventsList({ replay, view, current: chosen, scrubbing, filter, onFilter, known, matches, onSelect, onSource, onRevise, onClose, hidden }: Props) {
  // While the playhead is dragged the list holds still, and follows when it is let go: a drag across
  // a large log passes hundreds of events a frame, and laying out new rows at each would cost the
  // frames the state needs.
  const [current, setCurrent] = useState(chosen);
  if (!scrubbing && current !== chosen) setCurrent(chosen);
  const [text, setText] = useState(filter.text);
  const [rows, setRows] = useState(() => new Map<number, EventRow>());
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  /** The event of the row last focused or moved to (its position), -1 if none: kept by its event, as a filter renumbers the rows. */
  const [activePosition, setActivePosition] = useState(-1);
  const box = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);
  const section = useRef<HTMLElement>(null);
  useDrawerFocus(section, !!onClose && !hidden);

  // The worker matches as the user pauses, not on every keystroke of a million-event search.
  useEffect(() => {
    if (text === filter.text) return;
    const id = setTimeout(() => onFilter({ ...filter, text }), 150);
    return () => clearTimeout(id);
  }, [text, filter, onFilter]);

  const count = matches ? matches.length : view.seqs.length;
  const positionAt = (n: number) => (matches ? matches[n]! : n);
  /** The row showing the event at `position`, -1 if none does (the filter leaves it out, or the view is shorter). */
  const rowOfPosition = (position: number) => {
    const row = matches ? lowerBound(matches, position) : position;
    return position >= 0 && position < view.seqs.length && (!matches || matches[row] === position) ? row : -1;
  };
  const active = rowOfPosition(activePosition);

  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setHeight(entry!.contentRect.height));
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, []);

  // Keep the current event in view as the scrubber moves. Worked out as the list renders, from the
  // scroll position it rendered last, so a move that scrolls it renders it once and lays it out
  // once: an effect that read the box's scroll forced a layout, then rendered the list again.
  const currentRow = useMemo(() => (matches ? upperBound(matches, current) - 1 : current), [matches, current]);
  const space = scrollSpace(count, height);
  // Followed again once a drawer just opened has its height (it is 0 while hidden).
  const follow = `${currentRow} ${hidden} ${count} ${height > 0}`;
  const [followed, setFollowed] = useState('');
  if (follow !== followed) {
    setFollowed(follow);
    // A row with the focus stays in view (Enter on a row moves the moment, often to a later event's
    // row): read from the document, not kept in state, as it matters only at this moment.
    // Found by its event: its index is the last render's, which a filter just applied renumbers.
    const focused = box.current?.contains(document.activeElement) ? document.activeElement!.closest('[data-position]') : null;
    const held = focused ? rowOfPosition(Number(focused.getAttribute('data-position'))) : -1;
    const to = focusWanted.current ? undefined : space.following(currentRow, scrollTop, held);
    if (to !== undefined) setScrollTop(to);
  }
  useLayoutEffect(() => {
    const el = box.current;
    if (el && Math.abs(el.scrollTop - scrollTop) >= 1) el.scrollTop = scrollTop;
  }, [scrollTop, hidden]);
  // The scroll event of the list's own move brings back its position rounded to a pixel: not a move.
  const scrolledTo = (top: number) => setScrollTop((kept) => (Math.abs(kept - top) < 1 ? kept : top));

  /** Where the rows in view start, in row pixels; a row's place in the scroll box is its offset from there plus `scrollTop`. */
  // Drawn from where the box can still scroll: a list just made shorter drew none of its rows from a position past its end.
  const shownTop = Math.min(scrollTop, Math.max(0, space.real - height));
  const rowsTop = space.rowsTop(shownTop);
  const activeRow = tabStopRow(active, currentRow, Math.floor(rowsTop / ROW), Math.ceil((rowsTop + height) / ROW) - 1, count);
  const first = Math.max(0, Math.floor(rowsTop / ROW) - OVERSCAN);
  const last = Math.min(count, Math.ceil((rowsTop + height) / ROW) + OVERSCAN);
  const wanted = useMemo(() => {
    const seqs: number[] = [];
    for (let n = first; n < last; n++) seqs.push(view.seqs[matches ? matches[n]! : n]!);
    return seqs;
  }, [first, last, view, matches]);

  // Fetch the records of the rows in view that the page has neither seen nor asked for. A record
  // never changes, so an answer is kept even if the view has moved on meanwhile: dropping it asked
  // for the same rows again at each move that came before it.
  const asked = useRef(new Set<number>());
  useEffect(() => {
    const missing = wanted.filter((seq) => !rows.has(seq) && !asked.current.has(seq));
    if (missing.length === 0) return;
    for (const seq of missing) asked.current.add(seq);
    replay
      .ask({ op: 'rows', seqs: missing })
      .then(
        (fetched) =>
          setRows((previous) => {
            // Nothing new (seqs past the worker's head, just after a reset): no render to ask again.
            if (fetched.length === 0) return previous;
            const next = new Map(previous.size > 5000 ? [] : previous);
            for (const row of fetched) next.set(row.record.seq, row);
            return next;
          }),
        () => undefined, // the rows stay loading; the next move asks again
      )
      .finally(() => missing.forEach((seq) => asked.current.delete(seq)));
  }, [replay, wanted, rows]);

  const tabStopButton = () => box.current?.querySelector<HTMLElement>(`[data-row="${activeRow}"] .event-main`);
  // After arrow keys move the active row (and it has been rendered), focus it.
  useEffect(() => {
    const el = focusWanted.current ? tabStopButton() : null;
    if (!el) return;
    focusWanted.current = false;
    el.focus();
  });

  // A row (or "Clear the filters") that had the focus and is gone after a render (a filter left it out, or it cleared
  // itself) left the focus on the page's body, where a screen reader says nothing and Tab starts over: it goes to the row
  // holding the tab stop, once drawn. Read from the document as the list renders, while the element that had it is there.
  const hadFocus = useRef<Element | null>(null);
  const lost = !document.activeElement || document.activeElement === document.body;
  const gone = hadFocus.current && !hadFocus.current.isConnected ? hadFocus.current : null;
  hadFocus.current = box.current?.contains(document.activeElement) ? document.activeElement : lost ? gone : null;
  useLayoutEffect(() => {
    const had = hadFocus.current;
    const now = document.activeElement;
    if (!had || had.isConnected || hidden || (now && now !== document.body)) return;
    const to = tabStopButton() ?? box.current?.querySelector<HTMLElement>('.no-match button');
    if (to) to.focus();
  });

  const moveTo = (n: number) => {
    const target = Math.max(0, Math.min(count - 1, n));
    const el = box.current;
    if (el) {
      const top = target * ROW;
      const shown = space.rowsTop(el.scrollTop);
      if (top < shown) el.scrollTop = space.scrollTopFor(top);
      else if (top + ROW > shown + el.clientHeight) el.scrollTop = space.scrollTopFor(top + ROW - el.clientHeight);
      setScrollTop(el.scrollTop);
    }
    focusWanted.current = true;
    setActivePosition(positionAt(target));
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (!(e.target as HTMLElement).classList.contains('event-main')) return;
    // From the focused row: the tab stop may have moved on to a row in view meanwhile (a scroll by the mouse).
    const from = Number((e.target as HTMLElement).closest('[data-row]')?.getAttribute('data-row') ?? activeRow);
    const page = Math.max(1, Math.floor(height / ROW) - 1);
    const keys: Record<string, () => void> = { ArrowDown: () => moveTo(from + 1), ArrowUp: () => moveTo(from - 1), PageDown: () => moveTo(from + page), PageUp: () => moveTo(from - page), Home: () => moveTo(0), End: () => moveTo(count - 1) };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const filtering = isFiltering(filter);
  // The heading's count is not seen by a screen reader: said once the filter settles ("No match" says itself).
  const total = view.seqs.length;
  const matchSaid = useAnnouncer(filtering && count > 0 ? `${count.toLocaleString()} of ${total.toLocaleString()} events ${count === 1 ? 'matches' : 'match'} the filter.` : undefined, `${filter.kind}|${filter.text}|${filter.hideRumoured}|${count}|${total}`);
  const clear = () => {
    setText('');
    onFilter({ kind: '', text: '', hideRumoured: false });
  };

  return (
    <>
      {onClose && !hidden && <div className="drawer-backdrop" onClick={onClose} />}
      <section ref={section} className="events" aria-label="Events" id="events-panel" hidden={hidden} onKeyDown={onClose ? (e) => closesDrawer(e) && (e.preventDefault(), onClose()) : undefined}>
        <div className="events-filters">
          <h2>
            Events <span className="count">{filtering ? `${count.toLocaleString()} of ${view.seqs.length.toLocaleString()}` : count.toLocaleString()}</span>
          </h2>
          {onClose && (
            <button type="button" className="icon" aria-label="Close the events panel" onClick={onClose}>
              ✕
            </button>
          )}
          <div className="filters-row">
            <select aria-label="Filter events by kind" value={filter.kind} onChange={(e) => onFilter({ ...filter, kind: e.target.value })}>
              <option value="">All kinds</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
            <input type="search" aria-label="Filter events by person, party, organisation or text" placeholder="Person, party, text…" value={text} onChange={(e) => setText(e.target.value)} />
            <label className="switch">
              <input type="checkbox" role="switch" checked={filter.hideRumoured} onChange={(e) => onFilter({ ...filter, hideRumoured: e.target.checked })} /> Hide rumoured
            </label>
          </div>
          <Spoken sentences={[matchSaid]} />
        </div>
        <div ref={box} className="events-scroll" onScroll={(e) => scrolledTo(e.currentTarget.scrollTop)} onKeyDown={onKey}>
          {count === 0 && (
            <p className="no-match" role="status">
              {/* Without a filter an empty list is not "No match": as known then, nothing had been recorded yet. */}
              {filtering ? 'No match · ' : known.knownAt ? `No event ${known.knownBy === 'published' ? 'published' : 'recorded'} by the known-at time` : 'No events'}
              {filtering && (
                <button type="button" className="link" onClick={clear}>
                  Clear the filters
                </button>
              )}
            </p>
          )}
          <div role="list" aria-label="Events, in time order" style={{ height: space.real, position: 'relative' }}>
            {wanted.map((seq, n) => {
              const index = first + n;
              const position = positionAt(index);
              const row = rows.get(seq);
              const style = { top: shownTop + index * ROW - rowsTop, height: ROW - 6 };
              if (!row) return <div key={seq} role="listitem" className="event loading-row" style={style} aria-busy="true" />;
              const citation = citationOf(row);
              const kind = KINDS[view.kinds[position]!]!;
              const sentence = textOf(row);
              const className = `event kind-${kind}${position === current ? ' current' : ''}${position > current ? ' future' : ''}`;
              const tab = index === activeRow ? 0 : -1;
              const when = formatAt(row.time, row.precision, row.timezone);
              return (
                <div key={seq} role="listitem" data-row={index} data-position={position} className={className} style={style}>
                  {/* Marked current on the button, which takes the focus: a screen reader says it there. */}
                  <button type="button" className="event-main" aria-current={position === current ? 'true' : undefined} tabIndex={tab} onFocus={() => setActivePosition(position)} onClick={() => onSelect(row, position)} title={`${sentence}\n${citation ? `“${citation.quote}”` : ''}`}>
                    {/* The time alone beside the row's buttons; the kind and badges lead the sentence, where
                        they are always seen (beside a time known to the hour they ran under the buttons). */}
                    <span className="event-head">
                      <time>{when}</time>
                      {position > current && <span className="sr-only"> (after this moment)</span>}
                    </span>
                    <span className="event-text">
                      <span className="event-kind">{kindLabel[kind]}</span>
                      <RowBadges row={row} /> {sentence}
                    </span>
                    {citation && <span className="citation">“{citation.quote}” · {citation.title ?? citation.document}</span>}
                  </button>
                  <span className="event-actions">
                    <button type="button" className="small" tabIndex={tab} onClick={() => onSource(row)} aria-label={`Source for: ${sentence}`}>
                      Source
                    </button>
                    <MenuButton
                      className="small"
                      tabIndex={tab}
                      label="⋯"
                      name={`Actions for: ${sentence}`}
                      items={[
                        { label: 'Go to this moment', onSelect: () => onSelect(row, position) },
                        { label: 'Show source', onSelect: () => onSource(row) },
                        { label: 'Correct…', onSelect: () => onRevise(row, 'correct') },
                        { label: 'Retract…', onSelect: () => onRevise(row, 'retract') },
                      ]}
                    />
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </section>
    </>
  );
});
