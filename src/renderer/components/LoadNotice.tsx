/**
 * How far the log's load has come, with an estimate of the time left. While it loads, the timeline
 * and the state cover the records already in: a log's records come in the order they were recorded,
 * so what shows is the state as this log had recorded it up to the last record loaded.
 */
import type { OpeningProgress } from '../../core/contract';
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

const megabytes = (bytes: number) => `${(bytes / 1e6).toLocaleString(undefined, { maximumFractionDigits: bytes < 1e7 ? 1 : 0 })} MB`;

/**
 * Before any record reaches the page, the host reads the log's file (the chain checked, the records
 * indexed): a million events is seconds of it, shown here as bytes read, from the host's own count.
 */
export function OpeningNotice({ opening }: { opening: OpeningProgress }) {
  const { read, size, elapsedMs } = opening;
  const percent = size ? Math.floor((read / size) * 100) : 0;
  const etaMs = read > 0 && read < size ? (elapsedMs / read) * (size - read) : undefined;
  return (
    <div className="notice load-progress" role="status">
      {size > 0 ? <progress max={size} value={read} aria-label="Log file read" /> : <progress aria-label="Log file read" />}
      <span>
        {size === 0
          ? 'Opening the log.'
          : read < size
            ? `Opening the log: ${megabytes(read)} of ${megabytes(size)} read (${percent}%)${etaMs !== undefined ? `, about ${seconds(etaMs)} left` : ''}.`
            : `Opening the log: all ${megabytes(size)} read; finishing its checks and its index.`}
      </span>
    </div>
  );
}
