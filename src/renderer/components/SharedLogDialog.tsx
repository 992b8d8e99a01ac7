/**
 * File > Open Shared Log… (desktop only): asks for a PostgreSQL connection string and its password
 * and hands both to the main process, which checks them, opens the log and remembers the string
 * without the password (the password only encrypted by the system keychain, or not at all).
 * The main process names the field at fault; the error is shown beside that field.
 */
import { useState, type FormEvent } from 'react';
import type { LogSummary } from '../../core/contract';
import { Modal } from './Modal';

interface Props {
  /** A remembered connection string whose password must be typed again. */
  initialUrl?: string;
  open(request: { url: string; password?: string }): Promise<LogSummary>;
  onOpened(summary: LogSummary): void;
  onClose(): void;
}

type Problem = { field?: string; message: string };

export function SharedLogDialog({ initialUrl, open, onOpened, onClose }: Props) {
  const [url, setUrl] = useState(initialUrl ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const summary = await open({ url, ...(password ? { password } : {}) });
      onOpened(summary);
      onClose();
    } catch (error) {
      const app = (error as { appError?: Problem }).appError;
      setProblem({ ...(app?.field ? { field: app.field } : {}), message: app?.message ?? (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const about = (field: 'url' | 'password') => (problem?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `shared-err-${field}` } : {});
  const errorOf = (field: 'url' | 'password') =>
    problem?.field === field ? (
      <span className="field-error" id={`shared-err-${field}`} role="alert">
        {problem.message}
      </span>
    ) : null;

  return (
    <Modal title="Open a shared log" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">A log kept in PostgreSQL, shared by a newsroom: what others add appears here as they add it.</p>
        <div className="field">
          <label htmlFor="shared-url">Connection string</label>
          <input id="shared-url" required aria-required="true" autoFocus={!initialUrl} spellCheck={false} autoComplete="off" placeholder="postgres://user@host:5432/database?log=NAME" value={url} onChange={(e) => setUrl(e.target.value)} {...about('url')} />
          {errorOf('url')}
        </div>
        <div className="field">
          <label htmlFor="shared-password">Password</label>
          <input id="shared-password" type="password" autoFocus={!!initialUrl} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} {...about('password')} />
          <span className="hint">Leave empty to use PGPASSWORD or ~/.pgpass. Kept only encrypted by your system’s keychain; where there is none, asked for each time.</span>
          {errorOf('password')}
        </div>
        {problem && problem.field !== 'url' && problem.field !== 'password' && (
          <p className="error" role="alert">
            {problem.field ? `${problem.field}: ` : ''}
            {problem.message}
          </p>
        )}
        <div className="row end">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Opening…' : 'Open'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
