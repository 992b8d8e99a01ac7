/**
 * How far the log's load has come, with an estimate of the time left. While it loads, the timeline
 * and the state cover the records already in: a log's records come in the order they were recorded,
 * so what shows is the state as this log had recorded it up to the last record loaded.
 */
import type { LoadProgress } from '../useLog';

const seconds = (ms: number) => (ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`);

export function LoadNotice({ progress }: { progress: LoadProgress }) {
  const { loaded, total, etaMs } = progress;
  const percent = total ? Math.floor((loaded / total) * 100) : 0;
  return (
    <div className="notice load-progress" role="status">
      <progress max={total} value={loaded} aria-label="Records loaded" />
      <span>
        Loading the log: {loaded.toLocaleString()} of {total.toLocaleString()} records ({percent}%){etaMs !== undefined ? `, about ${seconds(etaMs)} left` : ''}.
        {loaded > 0 && loaded < total ? ` The timeline and the state cover the first ${loaded.toLocaleString()} records, as recorded so far.` : ''}
      </span>
    </div>
  );
}
