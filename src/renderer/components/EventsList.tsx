/**
 * The events of the chosen company in effective-time order, virtualised (only the rows in view are
 * in the DOM), filterable by kind and person, in step with the scrubber, each with its citation.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeEvent, kindOf } from '../../core/describe';
import type { EventRecord, RecordOf } from '../../core/event';
import { formatMoment } from '../../core/time';
import { KINDS, kindLabel } from '../format';

const ROW = 92;
const OVERSCAN = 6;

interface Props {
  /** Visible entries of the company, in order: their sequence numbers. */
  seqs: Float64Array;
  times: Float64Array;
  records: readonly EventRecord[];
  current: number;
  onSelect(time: number): void;
  onRevise(record: EventRecord, mode: 'correct' | 'retract'): void;
}

/** The fact an entry shows: the event itself, or for a correction the corrected version of its target. */
export function factOf(record: EventRecord, byId: (id: string) => EventRecord | undefined): { type: string; data: EventRecord['data']; corrected?: RecordOf<'event.corrected'> } {
  if (record.type !== 'event.corrected') return { type: record.type, data: record.data };
  let target = byId(record.data.target);
  while (target?.type === 'event.corrected') target = byId(target.data.target);
  return { type: target?.type ?? 'event.corrected', data: record.data.data as EventRecord['data'], corrected: record };
}

export function EventsList({ seqs, times, records, current, onSelect, onRevise }: Props) {
  const [kind, setKind] = useState('');
  const [person, setPerson] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(400);
  const box = useRef<HTMLDivElement>(null);
  const ids = useMemo(() => new Map(records.map((r) => [r.id, r])), [records]);
  const byId = (id: string) => ids.get(id);

  const rows = useMemo(() => {
    const needle = person.trim().toLowerCase();
    const result: number[] = [];
    for (let i = 0; i < seqs.length; i++) {
      const record = records[seqs[i]! - 1];
      if (!record) continue;
      const fact = factOf(record, byId);
      if (kind && kindOf(fact.type) !== kind) continue;
      if (needle) {
        const who = (fact.data as { person?: { id: string; name: string } }).person;
        if (!who || !(`${who.name} ${who.id}`.toLowerCase().includes(needle))) continue;
      }
      result.push(i);
    }
    return result;
    // byId reads `ids`, which is listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [seqs, records, kind, person, ids]);

  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => setHeight(entry!.contentRect.height));
    if (box.current) observer.observe(box.current);
    return () => observer.disconnect();
  }, []);

  // Keep the current event in view as the scrubber moves.
  const currentRow = useMemo(() => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rows[mid]! <= current) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }, [rows, current]);
  useEffect(() => {
    const el = box.current;
    if (!el || currentRow < 0) return;
    const top = currentRow * ROW;
    if (top < el.scrollTop || top + ROW > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [currentRow]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);

  return (
    <section className="events" aria-label="Events">
      <div className="events-filters">
        <h2>Events <span className="count">{rows.length.toLocaleString()}</span></h2>
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
        <div style={{ height: rows.length * ROW, position: 'relative' }}>
          {rows.slice(first, last).map((i, n) => {
            const record = records[seqs[i]! - 1]!;
            const fact = factOf(record, byId);
            const citation = (fact.corrected ?? record).data as { citation?: { document: string; title?: string; url?: string; quote: string } };
            const c = citation.citation;
            const certainty = (fact.data as { certainty?: string }).certainty;
            return (
              <article
                key={record.seq}
                role="listitem"
                className={`event kind-${kindOf(fact.type)}${i === current ? ' current' : ''}${i > current ? ' future' : ''}`}
                style={{ top: (first + n) * ROW, height: ROW - 6 }}
                aria-current={i === current ? 'true' : undefined}
                onClick={() => onSelect(times[i]!)}
              >
                <header>
                  <time>{formatMoment(new Date(times[i]!).toISOString(), record.timeprecision, record.timezone)}</time>
                  <span className="event-type">{fact.type}</span>
                  {certainty && certainty !== 'confirmed' && <span className={`badge ${certainty}`}>{certainty}</span>}
                  {fact.corrected && <span className="badge corrected" title={fact.corrected.data.reason}>corrected</span>}
                  <span className="event-actions">
                    <button onClick={(e) => (e.stopPropagation(), onRevise(record, 'correct'))} title="Record a correction of this event">Correct</button>
                    <button onClick={(e) => (e.stopPropagation(), onRevise(record, 'retract'))} title="Record a retraction of this event">Retract</button>
                  </span>
                </header>
                <p className="event-text">{describeEvent({ type: fact.type, data: fact.data } as EventRecord)}</p>
                {c && (
                  <blockquote className="citation" title={c.title ?? c.document}>
                    “{c.quote}” <cite>{c.url ? <a href={c.url} target="_blank" rel="noreferrer">{c.title ?? c.document}</a> : (c.title ?? c.document)}</cite>
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
