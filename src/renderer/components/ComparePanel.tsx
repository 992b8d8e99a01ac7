/**
 * Compare two moments side by side: the state before, the state after, and what happened in
 * between (with honest dates), above the engine's diff in governance terms. Presets reach the
 * log's first and last moment in one click.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Change } from '../../core/diff';
import { formatAt, formatInstant } from '../format';
import { isCovered, type EventRow, type MomentState, type Uncertain } from '../replay-protocol';
import type { StateView } from '../state-view';
import { uncertainReason, uncertainSummary } from '../uncertain-words';
import { textOf } from './CitationDialog';
import { Modal } from './Modal';
import { Certainty, RowBadges } from './SourceButton';
import { MomentInput } from './MomentInput';

const BETWEEN_LIMIT = 200;

interface Props {
  initialFrom: number;
  initialTo: number;
  first: number;
  last: number;
  now: number;
  timeZone: string;
  compare(from: number, to: number): Promise<{ changes: Change[]; sentences: string[] }>;
  stateAt(at: number): Promise<MomentState>;
  between(from: number, to: number, limit: number): Promise<{ total: number; rows: EventRow[] }>;
  onClose(): void;
}

/**
 * Before the log's coverage (`covered` false) an empty board or no roles is not known to be so: it
 * says not covered yet. A holder only reported or rumoured is badged, as in the state. Inside a day (month) whose changes the log knows only to the day, it says so, as the state does.
 */
function Summary({ state, covered, uncertain, label }: { state: StateView; covered: boolean; uncertain: Uncertain[]; label: string }) {
  const roles = state.roles;
  const board = state.board.items;
  return (
    <section className="compare-side" aria-label={label}>
      <h3>{label}</h3>
      {uncertain.length > 0 && (
        <p className="uncertain">
          <strong>{uncertainSummary(uncertain)}</strong>: {uncertainReason(uncertain)}.
        </p>
      )}
      <dl className="facts">
        {roles.map((r) => (
          <div key={r.role} className="fact-row">
            <dt>{r.role}</dt>
            <dd>
              {r.person.name}
              {r.interim ? ' (interim)' : r.acting ? ' (acting)' : ''} <Certainty basis={r} />
            </dd>
          </div>
        ))}
        {roles.length === 0 && <dd className="muted">{covered ? 'No roles recorded.' : 'Not covered yet.'}</dd>}
      </dl>
      <h4>Board{covered ? ` (${state.board.total})` : ''}</h4>
      <ul>
        {board.map((m) => (
          <li key={m.person.id}>
            {m.person.name}
            {state.chair?.person.id === m.person.id ? ' (chair)' : ''} <Certainty basis={m} />
          </li>
        ))}
        {state.board.total > board.length && <li className="muted">and {(state.board.total - board.length).toLocaleString()} more</li>}
        {!covered && state.board.total === 0 && <li className="muted">Not covered yet.</li>}
      </ul>
    </section>
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
/** What a screen reader hears once a comparison is shown. */
const spokenSummary = (result: { from: number; to: number; sentences: string[]; between: { total: number }; before: MomentState; after: MomentState }, timeZone: string) =>
  [
    `${result.sentences.length ? count(result.sentences.length, 'difference', 'differences') : 'No changes'} from ${formatInstant(result.from, timeZone)} to ${formatInstant(result.to, timeZone)}, ${count(result.between.total, 'event', 'events')} in between.`,
    ...(result.before.uncertain.length ? [`Before: ${uncertainSummary(result.before.uncertain)}.`] : []),
    ...(result.after.uncertain.length ? [`After: ${uncertainSummary(result.after.uncertain)}.`] : []),
  ].join(' ');

export function ComparePanel({ initialFrom, initialTo, first, last, now, timeZone, compare, stateAt, between, onClose }: Props) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  /** A comparison, with the moments it compares (the fields may have moved on since). */
  const [result, setResult] = useState<{ from: number; to: number; changes: Change[]; sentences: string[]; before: MomentState; after: MomentState; between: { total: number; rows: EventRow[] } }>();
  const [error, setError] = useState<string>();
  /** Only the latest comparison asked for is shown: an earlier one answered late would show other moments' changes. */
  const asked = useRef(0);

  const run = useCallback(async () => {
    const order = ++asked.current;
    setError(undefined);
    // Read backwards, "X became CEO" would say the opposite of what happened.
    if (from > to) {
      setResult(undefined);
      return setError('“Before” is later than “After”: choose an earlier moment for Before.');
    }
    try {
      const [diff, before, after, happened] = await Promise.all([compare(from, to), stateAt(from), stateAt(to), between(from, to, BETWEEN_LIMIT)]);
      if (order === asked.current) setResult({ from, to, ...diff, before, after, between: happened });
    } catch (e) {
      if (order === asked.current) setError((e as Error).message);
    }
  }, [compare, stateAt, between, from, to]);
  useEffect(() => {
    const id = setTimeout(() => void run(), 250);
    return () => clearTimeout(id);
  }, [run]);

  return (
    <Modal title="Compare two moments" onClose={onClose} className="compare-dialog">
      <div className="compare-controls">
        <div className="compare-field">
          <label htmlFor="compare-from">Before</label>
          <MomentInput id="compare-from" label="Compare from" value={from} timeZone={timeZone} onChange={setFrom} />
          <button type="button" className="small" onClick={() => setFrom(first)}>Log’s first moment</button>
          <button type="button" className="small" onClick={() => setFrom(now)}>This moment</button>
        </div>
        <div className="compare-field">
          <label htmlFor="compare-to">After</label>
          <MomentInput id="compare-to" label="Compare to" value={to} timeZone={timeZone} onChange={setTo} />
          <button type="button" className="small" onClick={() => setTo(now)}>This moment</button>
          <button type="button" className="small" onClick={() => setTo(last)}>Log’s last moment</button>
        </div>
        <span className="muted">Times in {timeZone}</span>
        <button type="button" className="primary" onClick={() => void run()}>Compare</button>
      </div>
      {/* Inside the dialog: the rest of the page is inert while it is open, its announcements too. */}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {result && !error ? spokenSummary(result, timeZone) : ''}
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <h3>Differences</h3>
          {(result.before.uncertain.length > 0 || result.after.uncertain.length > 0) && (
            <p className="muted">Some changes at these moments are known only to the day (or month): the differences below may or may not hold at the hour compared. See Before and After.</p>
          )}
          <ul className="diff" aria-label="Differences">
            {result.sentences.map((s, i) => (
              <li key={i} className={`change change-${result.changes[i]!.kind}`}>{s}</li>
            ))}
            {result.sentences.length === 0 && <li className="muted">No changes between these moments.</li>}
          </ul>
          <div className="compare-grid">
            <Summary state={result.before.view} covered={isCovered(result.before)} uncertain={result.before.uncertain} label={`Before: ${formatInstant(result.from, timeZone)}`} />
            <section className="compare-between" aria-label="What happened in between">
              <h3>
                In between <span className="count">{count(result.between.total, 'event', 'events')}</span>
              </h3>
              <ol>
                {result.between.rows.map((row) => (
                  <li key={row.record.seq}>
                    <time>{formatAt(row.time, row.precision, row.timezone)}</time> <RowBadges row={row} /> {textOf(row)}
                  </li>
                ))}
              </ol>
              {result.between.total > result.between.rows.length && <p className="muted">and {(result.between.total - result.between.rows.length).toLocaleString()} more (narrow the range to see them).</p>}
            </section>
            <Summary state={result.after.view} covered={isCovered(result.after)} uncertain={result.after.uncertain} label={`After: ${formatInstant(result.to, timeZone)}`} />
          </div>
        </>
      )}
    </Modal>
  );
}
