/** An event's source in full: the quoted sentence, the document, its link, how certain, and what it says. */
import { describeEvent } from '../../core/describe';
import type { EventRecord } from '../../core/event';
import { formatAt, isCoarse } from '../format';
import type { EventRow } from '../replay-protocol';
import { Modal } from './Modal';

export interface Citation {
  document: string;
  title?: string;
  url?: string;
  quote: string;
}

/** What a coarse time does not give: a day's hour, a month's day, a year's month. */
const FINER = { day: 'hour', month: 'day', year: 'month' } as const;

export const citationOf = (row: EventRow) => ((row.correction ? row.record.data : row.data) as { citation?: Citation }).citation;
export const textOf = (row: EventRow) => describeEvent({ type: row.type, data: row.data } as EventRecord, row.itemName);

interface Props {
  row: EventRow;
  onGo(row: EventRow): void;
  onRevise(row: EventRow, mode: 'correct' | 'retract'): void;
  onClose(): void;
}

export function CitationDialog({ row, onGo, onRevise, onClose }: Props) {
  const citation = citationOf(row);
  const certainty = (row.data as { certainty?: string }).certainty;
  const safeUrl = citation?.url && /^https?:\/\//i.test(citation.url) ? citation.url : undefined;
  return (
    <Modal title="Source" onClose={onClose} className="citation-dialog">
      <p className="citation-event">
        <strong>{textOf(row)}</strong>
      </p>
      <dl className="facts">
        <dt>When</dt>
        <dd>
          {formatAt(row.time, row.precision, row.timezone)}
          {isCoarse(row.precision) ? ` (known to the ${row.precision}; no ${FINER[row.precision as 'day' | 'month' | 'year']} is given)` : ''}
        </dd>
        <dt>Certainty</dt>
        <dd>{certainty ? <span className={`badge ${certainty}`}>{certainty}</span> : 'not stated'}</dd>
        {row.correction && (
          <>
            <dt>Corrected</dt>
            <dd>{row.correction.reason}</dd>
          </>
        )}
        <dt>Event id</dt>
        <dd>
          <code>{row.record.id}</code>
        </dd>
      </dl>
      {citation ? (
        <>
          <blockquote className="quote">“{citation.quote}”</blockquote>
          <dl className="facts">
            <dt>Document</dt>
            <dd>{citation.document}</dd>
            {citation.title && (
              <>
                <dt>Title</dt>
                <dd>{citation.title}</dd>
              </>
            )}
            {citation.url && (
              <>
                <dt>Link</dt>
                <dd>
                  {safeUrl ? (
                    <a href={safeUrl} target="_blank" rel="noreferrer noopener">
                      {citation.url} <span className="sr-only">(opens outside Incumbent)</span>↗
                    </a>
                  ) : (
                    citation.url
                  )}
                </dd>
              </>
            )}
          </dl>
        </>
      ) : (
        <p className="muted">This event cites no source.</p>
      )}
      <div className="row end">
        <button type="button" onClick={() => onRevise(row, 'correct')}>Correct…</button>
        <button type="button" onClick={() => onRevise(row, 'retract')}>Retract…</button>
        <button type="button" className="primary" onClick={() => onGo(row)}>
          Go to this event’s moment
        </button>
      </div>
    </Modal>
  );
}
