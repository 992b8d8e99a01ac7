/** Compare two moments: the engine's diff, in governance terms. */
import { useState } from 'react';
import type { Change } from '../../core/diff';
import { epochToZoned, zonedToEpoch } from '../format';

interface Props {
  initialFrom: number;
  initialTo: number;
  timeZone: string;
  compare(from: number, to: number): Promise<{ changes: Change[]; sentences: string[] }>;
  onClose(): void;
}

export function ComparePanel({ initialFrom, initialTo, timeZone, compare, onClose }: Props) {
  const [from, setFrom] = useState(epochToZoned(initialFrom, timeZone));
  const [to, setTo] = useState(epochToZoned(initialTo, timeZone));
  const [result, setResult] = useState<{ changes: Change[]; sentences: string[] }>();
  const [error, setError] = useState<string>();
  const run = async () => {
    const [a, b] = [zonedToEpoch(from, timeZone), zonedToEpoch(to, timeZone)];
    if (Number.isNaN(a) || Number.isNaN(b)) return setError('Both moments need a date and a time.');
    setError(undefined);
    try {
      setResult(await compare(a, b));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare two moments</h2>
      <div className="row">
        <label>
          From <input type="datetime-local" aria-label="Compare from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="datetime-local" aria-label="Compare to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <span className="muted">{timeZone}</span>
        <button className="primary" onClick={run}>Compare</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {result && (
        <ul className="diff" aria-label="Differences">
          {result.sentences.map((s, i) => (
            <li key={i} className={`change change-${result.changes[i]!.kind}`}>{s}</li>
          ))}
          {result.sentences.length === 0 && <li className="muted">No changes between these moments.</li>}
        </ul>
      )}
      <div className="row end">
        <button onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
