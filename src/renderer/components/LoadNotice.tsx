/**
 * How far the log's load has come, with an estimate of the time left. While it loads, the timeline
 * and the state cover the records already in: a log's records come in the order they were recorded,
 * so what shows is the state as this log had recorded it up to the last record loaded.
 *
 * Both notices change at every page or read, so they do not speak (aria-live off): a screen reader
 * hears the load's milestones instead (useLoadAnnouncement).
 */
import type { Opening } from '../opening-watch';
import { formatMegabytes } from '../format';
import type { LoadProgress } from '../useLog';

const seconds = (ms: number) => (ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : `${Math.round(ms / 60_000)} min`);
/** The time left, or nothing to wait for: a last page is not "about 1 s" away. */
const left = (ms: number | undefined) => (ms === undefined ? '' : ms < 500 ? ', almost done' : `, about ${seconds(ms)} left`);

/**
 * `shown`: the records the timeline and the state were last asked at (the page asks again only when
 * the records loaded have doubled: load-pacing.ts), fewer than are loaded between those times.
 */
export function LoadNotice({ progress, shown }: { progress: LoadProgress; shown: number }) {
  const { loaded, total, etaMs, checkedEarly } = progress;
  const percent = total ? Math.floor((loaded / total) * 100) : 0;
  return (
    <div className="notice load-progress" role="status" aria-live="off">
      <progress max={total} value={loaded} aria-label="Records loaded" />
      <span>
        Loading the log: {loaded.toLocaleString()} of {total.toLocaleString()} records ({percent}%){left(etaMs)}.
        {checkedEarly ? ` The log is open: the first ${checkedEarly.toLocaleString()}, shown while it opened, are checked against its end.` : ''}
        {shown > 0 && loaded < total ? ` The timeline and the state cover the first ${Math.min(shown, loaded).toLocaleString()} records, as recorded so far.` : ''}
      </span>
    </div>
  );
}

/**
 * While the host reads the log's file (the chain checked, the records indexed; a million events is
 * seconds of it), shown here as bytes read, from the host's own count. The records it has read and
 * chained from the log's first load meanwhile (`shown` of them in): the notice says that they are
 * not yet checked against the log's end, which is read last.
 */
export function OpeningNotice({ opening, shown }: { opening: Opening; shown: number }) {
  const { read, size, etaMs } = opening;
  const percent = size ? Math.floor((read / size) * 100) : 0;
  return (
    <div className="notice load-progress" role="status" aria-live="off">
      {size > 0 ? <progress max={size} value={read} aria-label="Log file read" /> : <progress aria-label="Log file read" />}
      <span>
        {size === 0
          ? 'Opening the log.'
          : read < size
            ? `Opening the log: ${formatMegabytes(read)} of ${formatMegabytes(size)} read (${percent}%)${left(etaMs)}.`
            : `Opening the log: all ${formatMegabytes(size)} read; finishing its checks and its index.`}
        {shown > 0 ? ` Shown meanwhile: its first ${shown.toLocaleString()} records, each checked and chained to the one before, not yet to the log's end (its head anchor); if they do not match it, the log will not open.` : ''}
      </span>
    </div>
  );
}
