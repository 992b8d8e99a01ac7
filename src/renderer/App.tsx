/** The main window: toolbar, timeline scrubber, the state at the chosen moment, and the events. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SnapshotRequest } from '../core/snapshot';
import { createApi, unwrap } from './api';
import { ComparePanel } from './components/ComparePanel';
import { EventForm, type FormTarget } from './components/EventForm';
import { EventsList } from './components/EventsList';
import { Scrubber } from './components/Scrubber';
import { upperBound } from '../core/search';
import { StatePanel } from './components/StatePanel';
import { Toolbar } from './components/Toolbar';
import { ReplayClient } from './replay-client';
import type { DomainType } from '../core/vocabulary';
import { useLog } from './useLog';
import { useMomentState, useTimelineView } from './useMoment';
import { exportsFor } from './useExports';

export function App() {
  const api = useMemo(createApi, []);
  const replay = useMemo(() => new ReplayClient(), []);
  const log = useLog(api, replay);
  const [company, setCompany] = useState<string>();
  const [knownAt, setKnownAt] = useState<string>();
  const [at, setAt] = useState<number>();
  const [form, setForm] = useState<{ target?: FormTarget }>();
  const [comparing, setComparing] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();

  useEffect(() => {
    if (log.companies.length && !log.companies.some((c) => c.id === company)) setCompany(log.companies[0]!.id);
  }, [log.companies, company]);

  const view = useTimelineView(replay, company, knownAt, log.head);
  const moment = useMomentState(replay, company, at, knownAt, log.head);
  useEffect(() => {
    if (view && view.times.length && at === undefined && !log.loading) setAt(view.times[view.times.length - 1]!);
  }, [view, at, log.loading]);

  const timeZone = view?.timeZone ?? 'UTC';
  const current = view && at !== undefined ? upperBound(view.times, at) - 1 : -1;

  const say = (text: string, error = false) => setStatus({ text, error });
  const request = useCallback((): SnapshotRequest | undefined => (at === undefined || !company ? undefined : { at: new Date(at).toISOString(), company, ...(knownAt ? { knownAt } : {}) }), [at, company, knownAt]);
  const exporter = useMemo(() => exportsFor(api), [api]);
  const guarded = (action: () => Promise<string | undefined | void>) => () => action().then((text) => text && say(text), (e: Error) => say(e.message, true));

  const actions = {
    exportSnapshot: guarded(async () => {
      const r = request();
      const where = r && (await exporter.exportSnapshot(r));
      return where ? `Snapshot saved: ${where}` : undefined;
    }),
    copySnapshot: guarded(async () => {
      const r = request();
      return r ? `Snapshot copied (${(await exporter.copySnapshot(r)).toLocaleString()} bytes)` : undefined;
    }),
    importEvents: guarded(async () => {
      const appended = await exporter.importEvents();
      if (!appended) return undefined;
      await log.appended(appended);
      return `Imported ${appended.length} event${appended.length === 1 ? '' : 's'}`;
    }),
    exportEvents: guarded(async () => {
      const where = await exporter.exportEvents(`${(log.summary?.title ?? 'log').replace(/\W+/g, '-')}.jsonl`);
      return where ? `Events exported: ${where}` : undefined;
    }),
    addEvent: () => setForm({}),
    compare: () => setComparing(true),
  };
  const latest = useRef(actions);
  latest.current = actions;

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        const a = latest.current;
        if (command === 'export-snapshot') a.exportSnapshot();
        else if (command === 'copy-snapshot') a.copySnapshot();
        else if (command === 'add-event') a.addEvent();
        else if (command === 'compare') a.compare();
        else if (command === 'import-events') a.importEvents();
        else if (command === 'export-events') a.exportEvents();
        else if (command === 'log-changed') {
          setAt(undefined);
          setKnownAt(undefined);
          setCompany(undefined);
          void log.reload();
        }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api],
  );
  // The web page has no menu: its accelerators live here (the desktop menu owns them there).
  useEffect(() => {
    if (api.mode !== 'web') return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const action = ({ e: latest.current.exportSnapshot, k: latest.current.compare } as Record<string, (() => void) | undefined>)[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);

  if (log.error && !log.summary) {
    return (
      <div className="fatal" role="alert">
        <h1>The log could not be opened</h1>
        <p>{log.error}</p>
        {api.desktop && <button onClick={() => void api.desktop!['file:open']({})}>Open another log…</button>}
        <button onClick={() => void log.reload()}>Try again</button>
      </div>
    );
  }

  return (
    <div className="app">
      <Toolbar
        api={api}
        title={log.summary?.title ?? `Loading… ${log.head.toLocaleString()} events`}
        companies={log.companies}
        company={company}
        onCompany={(c) => {
          setCompany(c);
          setAt(undefined);
        }}
        at={at}
        onAt={setAt}
        knownAt={knownAt}
        onKnownAt={setKnownAt}
        timeZone={timeZone}
        actions={actions}
      />
      {log.summary?.recovered && (
        <p className="notice" role="status">
          The last write before this log was opened was incomplete (line {log.summary.recovered.line}: {log.summary.recovered.reason}). It was moved to {log.summary.recovered.sideFile}; everything before it is intact.
        </p>
      )}
      {log.summary?.warnings?.map((warning) => (
        <p className="notice" role="status" key={warning}>
          {warning}
        </p>
      ))}
      {view && at !== undefined && <Scrubber times={view.times} kinds={view.kinds} value={at} onChange={setAt} timeZone={timeZone} current={current} />}
      <main className="panes">
        <div className="pane-state">
          {moment && at !== undefined && view ? (
            <StatePanel
              state={moment.state}
              changes={moment.changes}
              figures={view.figures}
              at={at}
              timeZone={timeZone}
              onShowEvent={(id) => void replay.ask({ op: 'locate', id }).then((time) => time !== null && setAt(time))}
            />
          ) : (
            <p className="muted loading">{log.loading ? 'Loading the log…' : 'No events for this company yet.'}</p>
          )}
        </div>
        {view && (
          <EventsList
            key={log.summary?.logId}
            replay={replay}
            view={view}
            {...(knownAt ? { knownAt } : {})}
            current={current}
            onSelect={setAt}
            onRevise={(row, mode) => setForm({ target: { record: row.record, mode, type: row.type as DomainType } })}
          />
        )}
      </main>
      {status && (
        <p className={`status${status.error ? ' error' : ''}`} role={status.error ? 'alert' : 'status'} onClick={() => setStatus(undefined)}>
          {status.text}
        </p>
      )}
      {form && company && at !== undefined && (
        <div className="backdrop">
          <EventForm
            company={company}
            at={at}
            timeZone={timeZone}
            {...(form.target ? { target: form.target } : {})}
            submit={async (event) => {
              const { appended } = await unwrap(api.contract['log:append']({ events: [event] }));
              await log.appended(appended);
              say(`Recorded event #${appended[0]?.seq}`);
            }}
            onClose={() => setForm(undefined)}
          />
        </div>
      )}
      {comparing && company && at !== undefined && view && (
        <div className="backdrop">
          <ComparePanel
            initialFrom={view.times[Math.max(0, current - 1)] ?? at}
            initialTo={at}
            timeZone={timeZone}
            compare={(from, to) => replay.ask({ op: 'diff', company, from, to, ...(knownAt ? { knownAt } : {}) })}
            onClose={() => setComparing(false)}
          />
        </div>
      )}
    </div>
  );
}
