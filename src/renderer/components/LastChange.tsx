/** The state's last change: when, how long before the moment, what; or that the moment is before the log's coverage. */
import { describeChange } from '../../core/diff';
import { formatAt, formatElapsed, isCoarse, periodOf } from '../format';
import type { MomentState } from '../replay-protocol';

/** Of the state's own moment, which is the chosen one except while its state is on its way. */
export function LastChange({ moment, timeZone }: { moment: MomentState; timeZone: string }) {
  const { at } = moment;
  const start = moment.coverageFrom;
  if (start && at < start.time)
    return (
      <p className="last-change coverage-note" role="note">
        <strong>Before this log&rsquo;s coverage.</strong> It starts {formatAt(start.time, start.precision, start.timezone)}; it does not say who held
        which seat before then{moment.last ? ' (facts below were dated earlier by their sources)' : ''}.
      </p>
    );
  const last = moment.last;
  if (!last) return <p className="last-change">No change recorded before this moment.</p>;
  const coarse = isCoarse(last.precision);
  const [, periodEnd] = coarse ? periodOf(last.time, last.precision, last.timezone) : [0, last.time];
  const when = coarse ? formatAt(last.time, last.precision, last.timezone) : formatAt(last.time, last.precision, timeZone);
  const ago = coarse ? (at < periodEnd ? `some time that ${last.precision}` : `at least ${formatElapsed(at - periodEnd + 1)}`) : formatElapsed(at - last.time);
  const more = moment.changes.length > 1 ? ` (${moment.changes.length} changes)` : '';
  // Two lines in a slot that keeps its height as the moment moves (the state below stays put, the
  // CEO in view at 200% zoom), and a disclosure that opens to the whole text and each change of that
  // moment, from the keyboard too: the rest was only in a tooltip that a mouse could open.
  return (
    <details className="last-change">
      <summary>
        <span className="last-change-text">
          <strong>Last change:</strong> {when}, {ago}: {last.text}
          {more}
        </span>
      </summary>
      {moment.changes.length > 1 && (
        <ul>
          {moment.changes.map((change, i) => (
            <li key={i}>{describeChange(change)}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
