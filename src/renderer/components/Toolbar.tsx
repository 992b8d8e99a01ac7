/** The toolbar: which company, which moment, as known when, and what to do with it. */
import { useEffect, useState } from 'react';
import type { Api } from '../api';
import { epochToZoned, zonedToEpoch, zoneName } from '../format';

interface Props {
  api: Api;
  title: string;
  companies: { id: string; name: string }[];
  company?: string;
  onCompany(company: string): void;
  at?: number;
  onAt(at: number): void;
  knownAt?: string;
  onKnownAt(knownAt: string | undefined): void;
  timeZone: string;
  actions: Record<'exportSnapshot' | 'copySnapshot' | 'importEvents' | 'exportEvents' | 'addEvent' | 'compare', () => void>;
}

const THEMES = ['system', 'light', 'dark'] as const;

export function Toolbar({ api, title, companies, company, onCompany, at, onAt, knownAt, onKnownAt, timeZone, actions }: Props) {
  const [draftAt, setDraftAt] = useState('');
  const [theme, setTheme] = useState(() => localStorage.getItem('incumbent-theme') ?? 'system');
  useEffect(() => {
    if (at !== undefined) setDraftAt(epochToZoned(at, timeZone));
  }, [at, timeZone]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('incumbent-theme', theme);
  }, [theme]);

  const knownLocal = knownAt ? epochToZoned(Date.parse(knownAt), timeZone) : '';
  const zone = at === undefined ? timeZone : zoneName(at, timeZone);

  return (
    <header className="toolbar">
      <h1 title={title}>{title}</h1>
      {companies.length > 1 ? (
        <label>
          Company{' '}
          <select value={company} onChange={(e) => onCompany(e.target.value)}>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <span className="company">{companies[0]?.name}</span>
      )}
      <label className="moment">
        Moment{' '}
        <input
          type="datetime-local"
          aria-label={`Moment (${timeZone})`}
          value={draftAt}
          onChange={(e) => {
            setDraftAt(e.target.value);
            const ms = zonedToEpoch(e.target.value, timeZone);
            if (!Number.isNaN(ms)) onAt(ms);
          }}
        />{' '}
        <span className="muted" title={timeZone}>{zone}</span>
      </label>
      <label className="known-at" title="See the state as it was known at an earlier recorded time (bitemporal)">
        <input type="checkbox" aria-label="As known at an earlier time" checked={knownAt !== undefined} onChange={(e) => onKnownAt(e.target.checked ? new Date(at ?? Date.now()).toISOString() : undefined)} /> As known at{' '}
        <input
          type="datetime-local"
          aria-label="Known at"
          disabled={knownAt === undefined}
          value={knownLocal}
          onChange={(e) => {
            const ms = zonedToEpoch(e.target.value, timeZone);
            if (!Number.isNaN(ms)) onKnownAt(new Date(ms).toISOString());
          }}
        />
      </label>
      <span className="spacer" />
      <button onClick={actions.addEvent} title="Add an event (Ctrl/Cmd+Shift+A)">Add event</button>
      <button onClick={actions.compare} title="Compare two moments (Ctrl/Cmd+K)">Compare</button>
      <button onClick={actions.importEvents} title="Append events from a JSON Lines file (all or nothing)">Import</button>
      <button onClick={actions.exportEvents} title="Save the whole log as JSON Lines">Export log</button>
      <button onClick={actions.copySnapshot} title="Copy the snapshot at this moment as JSON">Copy snapshot</button>
      <button className="primary" onClick={actions.exportSnapshot} title="Export the snapshot at this moment (Ctrl/Cmd+E)">
        Export snapshot
      </button>
      {api.mode === 'web' && (
        <select aria-label="Theme" value={theme} onChange={(e) => setTheme(e.target.value)}>
          {THEMES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      )}
    </header>
  );
}
