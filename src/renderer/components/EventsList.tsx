/**
 * The events of the chosen company in effective-time order, virtualised (only the rows in view are
 * in the DOM, and only their records are fetched from the worker), filterable by kind and person,
 * in step with the scrubber, each with its citation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeEvent } from '../../core/describe';
import type { EventRecord } from '../../core/event';
import { upperBound } from '../../core/search';
import { formatMoment } from '../../core/time';
import { KINDS, kindLabel } from '../kinds';
import type { ReplayClient } from '../replay-client';
import type { EventRow, TimelineView } from '../replay-protocol';

const ROW = 92;
const OVERSCAN = 8;

interface Props {
  replay: ReplayClient;
  view: TimelineView;
  knownAt?: string;
  current: number;
  onSelect(time: number): void;
  onRevise(row: EventRow, mode: 'correct' | 'retract'): void;
}

interface Citation {
  document: string;
  title?: string;
  url?: string;
  quote: string;
}

export function EventsList({ replay, view, knownAt, current, onSelect, onRevise }: Props) {
  const [kind, setKind] = useState('');
  const [person, setPerson] = useState('');
  const [filtered, setFiltered] = useState<Int32Array>();
  const [rows, setRows] = useState(() => new Map<number, EventRow>());
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const box = useRef<HTMLDivElement>(null);

  // Positions in the view that pass the filters (all of them when there is no filter).
  useEffect(() => {
    if (!kind && !person.trim()) return setFiltered(undefined);
    let current = true;
    replay.ask({ op: 'filter', company: view.company, ...(knownAt ? { knownAt } : {}), kind, person }).then((f) => current && setFiltered(f));
    return () => {
      current = false;
    };
  }, [replay, view, knownAt, kind, person]);
  const count = filtered ? filtered.length : view.seqs.length;
  const positionAt = (n: number) => (filtered ? filtered[n]! : n);

  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setHeight(entry!.contentRect.height));
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, []);

  // Keep the current event in view as the scrubber moves.
  const currentRow = useMemo(() => (filtered ? upperBound(filtered, current) - 1 : current), [filtered, current]);
  useEffect(() => {
    const el = box.current;
    if (!el || currentRow < 0) return;
    const top = currentRow * ROW;
    if (top < el.scrollTop || top + ROW > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [currentRow]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const wanted = useMemo(() => {
    const seqs: number[] = [];
    for (let n = first; n < last; n++) seqs.push(view.seqs[filtered ? filtered[n]! : n]!);
    return seqs;
  }, [first, last, view, filtered]);

  // Fetch the records of the rows in view that the page has not seen yet.
  useEffect(() => {
    const missing = wanted.filter((seq) => !rows.has(seq));
    if (missing.length === 0) return;
    let current = true;
    replay.ask({ op: 'rows', seqs: missing }).then((fetched) => {
      if (!current) return;
      setRows((previous) => {
        const next = new Map(previous.size > 5000 ? [] : previous);
        for (const row of fetched) next.set(row.record.seq, row);
        return next;
      });
    });
    return () => {
      current = false;
    };
  }, [replay, wanted, rows]);

  return (
    <section className="events" aria-label="Events">
      <div className="events-filters">
        <h2>
          Events <span className="count">{count.toLocaleString()}</span>
        </h2>
        <select aria-label="Filter by kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All kinds</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel[k]}
            </option>
          ))}
        </select>
        <input aria-label="Filter by person" placeholder="Person…" value={person} onChange={(e) => setPerson(e.target.value)} />
      </div>
      <div ref={box} className="events-scroll" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} role="list">
        <div style={{ height: count * ROW, position: 'relative' }}>
          {wanted.map((seq, n) => {
            const position = positionAt(first + n);
            const row = rows.get(seq);
            const style = { top: (first + n) * ROW, height: ROW - 6 };
            if (!row) return <article key={seq} role="listitem" className="event loading-row" style={style} aria-busy="true" />;
            const citation = ((row.correction ? row.record.data : row.data) as { citation?: Citation }).citation;
            const certainty = (row.data as { certainty?: string }).certainty;
            const className = `event kind-${KINDS[view.kinds[position]!]}${position === current ? ' current' : ''}${position > current ? ' future' : ''}`;
            return (
              <article key={seq} role="listitem" className={className} style={style} aria-current={position === current ? 'true' : undefined} onClick={() => onSelect(view.times[position]!)}>
                <header>
                  <time>{formatMoment(new Date(row.time).toISOString(), row.record.timeprecision, row.record.timezone)}</time>
                  <span className="event-type">{row.type}</span>
                  {certainty && certainty !== 'confirmed' && <span className={`badge ${certainty}`}>{certainty}</span>}
                  {row.correction && (
                    <span className="badge corrected" title={row.correction.reason}>
                      corrected
                    </span>
                  )}
                  <span className="event-actions">
                    <button onClick={(e) => (e.stopPropagation(), onRevise(row, 'correct'))} title="Record a correction of this event">
                      Correct
                    </button>
                    <button onClick={(e) => (e.stopPropagation(), onRevise(row, 'retract'))} title="Record a retraction of this event">
                      Retract
                    </button>
                  </span>
                </header>
                <p className="event-text">{describeEvent({ type: row.type, data: row.data } as EventRecord)}</p>
                {citation && (
                  <blockquote className="citation" title={citation.title ?? citation.document}>
                    “{citation.quote}”{' '}
                    <cite>
                      {citation.url ? (
                        <a href={citation.url} target="_blank" rel="noreferrer">
                          {citation.title ?? citation.document}
                        </a>
                      ) : (
                        (citation.title ?? citation.document)
                      )}
                    </cite>
                  </blockquote>
                )}
              </article>
            );
          })}
        </div>
      </div>
    </section>
  );
}
