/** What the reader must know about the open log: a torn last write set aside, events from other writers, warnings. */
import type { LogSummary } from '../../core/contract';

interface Props {
  summary: LogSummary | undefined;
  /** Events others appended to a shared log since the reader last dismissed the notice. */
  arrived: number;
  onSeen(): void;
}

export function LogNotices({ summary, arrived, onSeen }: Props) {
  return (
    <>
      {summary?.recovered && (
        <p className="notice" role="status">
          The last write before this log was opened was incomplete (line {summary.recovered.line}: {summary.recovered.reason}). It was moved to {summary.recovered.sideFile}; everything before it is intact.
        </p>
      )}
      {arrived > 0 && (
        // Already in the replay, the moment left where it was.
        <p className="notice arrivals" role="status">
          {arrived} new event{arrived === 1 ? '' : 's'} arrived from another writer; the moment stays where you left it.{' '}
          <button type="button" className="link" onClick={onSeen}>
            Dismiss
          </button>
        </p>
      )}
      {summary?.warnings?.map((warning) => (
        <p className="notice" role="status" key={warning}>
          {warning}
        </p>
      ))}
    </>
  );
}
