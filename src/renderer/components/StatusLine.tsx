/**
 * The window's status line: the outcome of the last action. A message goes after a few seconds;
 * an error stays until dismissed (it is also an alert, so a screen reader says it at once).
 */
import { useCallback, useEffect, useState } from 'react';

const STATUS_MS = 6000;

interface Status {
  text: string;
  error: boolean;
  /** A new message replaces an equal one visibly (and is announced again). */
  id: number;
}

export function useStatus() {
  const [status, setStatus] = useState<Status>();
  const say = useCallback((text: string, error = false) => setStatus({ text, error, id: Date.now() }), []);
  const dismiss = useCallback(() => setStatus(undefined), []);
  useEffect(() => {
    if (!status || status.error) return;
    const id = setTimeout(dismiss, STATUS_MS);
    return () => clearTimeout(id);
  }, [status, dismiss]);
  return { status, say, dismiss };
}

export function StatusLine({ status, onDismiss }: { status: Status | undefined; onDismiss(): void }) {
  // Two live regions, there before any message: a polite one for outcomes, an assertive one for
  // errors (an alert inside a status region is said twice by some screen readers). They say the
  // message only: the button is beside them, or a screen reader would read "Dismiss this message"
  // after every message. The box around all of it is drawn by `.shown`.
  const said = status && (
    <p className={`status${status.error ? ' error' : ''}`} key={status.id}>
      <span>{status.text}</span>
    </p>
  );
  return (
    <div className={`status-area${status ? ' shown' : ''}${status?.error ? ' error' : ''}`}>
      <div className="status-said">
        <div role="status">{!status?.error && said}</div>
        <div role="alert">{status?.error && said}</div>
      </div>
      {status && (
        <button type="button" className="icon" aria-label="Dismiss this message" onClick={onDismiss}>
          ✕
        </button>
      )}
    </div>
  );
}
