/**
 * The main window: toolbar, timeline scrubber, the company's state at the chosen moment (always
 * first, at any width), and the events (beside it on wide windows, in a drawer on narrow ones).
 * The replay worker answers every question; the page only draws.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SnapshotRequest } from '../core/snapshot';
import { upperBound } from '../core/search';
import type { KnownBy } from '../core/ledger';
import { seatOf } from '../core/seats';
import type { DomainType } from '../core/vocabulary';
import { createApi, unwrap } from './api';
import { Bookmarks } from './components/Bookmarks';
import { LoadNotice } from './components/LoadNotice';
import { CitationDialog } from './components/CitationDialog';
import { ComparePanel } from './components/ComparePanel';
import { EventForm, type FormTarget } from './components/EventForm';
import { EventsList } from './components/EventsList';
import { momentOfEvent, Scrubber } from './components/Scrubber';
import { SeatHistory } from './components/SeatHistory';
import { SharedLogDialog } from './components/SharedLogDialog';
import { MORE, StatePanel } from './components/StatePanel';
import { Toolbar } from './components/Toolbar';
import { fileStamp, formatAt, formatInstant, isCoarse, periodOf } from './format';
import { ReplayClient } from './replay-client';
import { PRECISIONS, type EventRow, type FilterSpec, type Knowing } from './replay-protocol';
import { DEFAULT_LIMITS, type Limits } from './state-view';
import { useAnnouncer } from './useAnnouncer';
import { exportsFor } from './useExports';
import { useLog } from './useLog';
import { useCommands } from './useCommands';
import { useMediaQuery } from './useMediaQuery';
import { askMoment, useMomentState, useTimelineView } from './useMoment';
import { readHash, useMomentHistory, type Place } from './useMomentLink';
import { momentLink } from '../core/moment-link';

type Dialog = { kind: 'form'; target?: FormTarget } | { kind: 'compare' } | { kind: 'source'; row: EventRow } | { kind: 'shared'; url?: string };
const NO_FILTER: FilterSpec = { kind: '', text: '', hideRumoured: false };
const STATUS_MS = 6000;

export function App() {
  // createApi reads (and removes) the web token from the address first; the moment stays there.
  const api = useMemo(createApi, []);
  const initial = useMemo(() => readHash(), []);
  const replay = useMemo(() => new ReplayClient(), []);
  const log = useLog(api, replay);
  const [company, setCompany] = useState<string | undefined>(initial.company);
  const [knownAt, setKnownAt] = useState<string | undefined>(initial.knownAt);
  const [knownBy, setKnownBy] = useState<KnownBy>('recorded');
  /** Who is asking: everything the log holds, or what was known at `knownAt` (by `knownBy`). */
  const known = useMemo<Knowing>(() => (knownAt ? { knownAt, knownBy } : {}), [knownAt, knownBy]);
  const [at, setAt] = useState<number | undefined>(initial.at);
  const [dialog, setDialog] = useState<Dialog>();
  const [status, setStatus] = useState<{ text: string; error?: boolean; id: number }>();
  const [filter, setFilter] = useState<FilterSpec>(NO_FILTER);
  const [matches, setMatches] = useState<Int32Array>();
  const narrow = useMediaQuery('(max-width: 1099px)');
  const [eventsOpen, setEventsOpen] = useState(false);
  const [paneView, setPaneView] = useState<'state' | 'seats'>('state');

  useEffect(() => {
    if (log.companies.length && !log.companies.some((c) => c.id === company)) setCompany(log.companies[0]!.id);
  }, [log.companies, company]);

  const view = useTimelineView(replay, company, known, log.head);
  const [limits, setLimits] = useState<Limits>(DEFAULT_LIMITS);
  const moment = useMomentState(replay, company, at, known, log.head, limits);
  const showMore = useCallback((list: keyof Limits) => setLimits((l) => ({ ...l, [list]: l[list] + MORE })), []);
  // The moment starts at the last event, and while the log loads it follows the end of what has
  // loaded, until the reader moves it: the scrubber is usable for the records already in.
  const followed = useRef<number>(undefined);
  /** Set once the view of the whole log has arrived: from then on the moment stays where it is. */
  const settled = useRef(false);
  useEffect(() => {
    if (log.loading) settled.current = false;
  }, [log.loading]);
  useEffect(() => {
    if (!view || !view.times.length) return;
    const end = view.times[view.times.length - 1]!;
    if (at === undefined || (at === followed.current && !settled.current && at !== end)) {
      followed.current = end;
      setAt(end);
    }
    if (!log.loading && view.version === log.head) settled.current = true;
  }, [view, at, log.loading, log.head]);

  // The filter is answered by the worker; the list and the scrubber's markers both follow it.
  useEffect(() => {
    if (!company || (!filter.kind && !filter.text.trim() && !filter.hideRumoured)) return setMatches(undefined);
    let live = true;
    replay.ask({ op: 'filter', company, ...known, filter }).then((m) => live && setMatches(m), () => live && setMatches(undefined));
    return () => {
      live = false;
    };
  }, [replay, company, known, filter, log.head]);

  const timeZone = view?.timeZone ?? 'UTC';
  const current = view && at !== undefined ? upperBound(view.times, at) - 1 : -1;
  const span = useMemo<[number, number]>(() => (view && view.times.length ? [view.times[Math.floor(view.times.length * 0.05)]!, view.times[view.times.length - 1]!] : [0, 1]), [view]);

  const go = useCallback((place: Place) => {
    if (place.company) setCompany(place.company);
    setKnownAt(place.knownAt);
    if (place.at !== undefined) setAt(place.at);
  }, []);
  const history = useMomentHistory({ company, at, knownAt }, go);
  // A link pasted into the address bar of an open window moves it there.
  useEffect(() => {
    const onHash = () => {
      const place = readHash();
      if (place.at !== undefined) go(place);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [go]);

  const say = useCallback((text: string, error = false) => setStatus({ text, error, id: Date.now() }), []);
  useEffect(() => {
    if (!status || status.error) return;
    const id = setTimeout(() => setStatus(undefined), STATUS_MS);
    return () => clearTimeout(id);
  }, [status]);

  /** Goes to an event: its instant, or, for a fact known only to the day, the end of that day (where the state certainly includes it). */
  const goToEvent = useCallback(
    (time: number, precisionCode: number) => {
      const precision = PRECISIONS[precisionCode] ?? 'minute';
      const target = momentOfEvent(time, precisionCode, timeZone);
      setAt(target);
      if (isCoarse(precision)) say(`That event is known only to the ${precision} (${formatAt(periodOf(time, precision, timeZone)[0], precision, timeZone)}): the moment is now the end of that ${precision}, ${formatInstant(target, timeZone)}, where the state certainly includes it.`);
    },
    [timeZone, say],
  );
  const goToRow = (row: EventRow) => goToEvent(row.time, PRECISIONS.indexOf(row.precision));
  const showSource = useCallback(
    (eventId: string) => void replay.ask({ op: 'row', id: eventId }).then((row) => (row ? setDialog({ kind: 'source', row }) : say(`No event ${eventId} in this log`, true))),
    [replay, say],
  );

  const request = useCallback((): SnapshotRequest | undefined => (at === undefined || !company ? undefined : { at: new Date(at).toISOString(), company, ...known }), [at, company, known]);
  const exporter = useMemo(() => exportsFor(api), [api]);
  const guarded = (action: () => Promise<string | undefined | void>) => () => action().then((text) => text && say(text), (e: Error) => say(e.message, true));
  const slug = (log.summary?.title ?? 'log').toLowerCase().replace(/\W+/g, '-').replace(/^-|-$/g, '');

  const actions = {
    exportSnapshot: guarded(async () => {
      const r = request();
      const name = r && `${slug}-${fileStamp(at!, timeZone)}${knownAt ? `-as-known-${fileStamp(Date.parse(knownAt), timeZone)}` : ''}.snapshot.json`;
      const where = r && (await exporter.exportSnapshot(r, name));
      return where ? `Snapshot saved: ${where}` : undefined;
    }),
    copySnapshot: guarded(async () => {
      const r = request();
      return r ? `Snapshot copied (${(await exporter.copySnapshot(r)).toLocaleString()} bytes)` : undefined;
    }),
    importEvents: guarded(async () => {
      const appended = await log.own(exporter.importEvents());
      if (!appended) return undefined;
      await log.appended(appended);
      return `Imported ${appended.length} event${appended.length === 1 ? '' : 's'}`;
    }),
    exportEvents: guarded(async () => {
      const where = await exporter.exportEvents(`${slug}.jsonl`);
      return where ? `Events exported: ${where}` : undefined;
    }),
    copyLink: guarded(async () => {
      // The desktop page's own address (app://) means nothing elsewhere; its link opens the app.
      const link = api.mode === 'desktop' ? momentLink(window.location.hash) : window.location.href;
      await navigator.clipboard.writeText(link);
      return `Link to this moment copied: ${link}`;
    }),
    addEvent: () => setDialog({ kind: 'form' }),
    compare: () => setDialog({ kind: 'compare' }),
  };
  useCommands(api, {
    ...actions,
    openShared: (url) => setDialog({ kind: 'shared', ...(url ? { url } : {}) }),
    logChanged: () => {
      setAt(undefined);
      setKnownAt(undefined);
      setCompany(undefined);
      void log.reload();
    },
    back: history.back,
    forward: history.forward,
  });

  const ceo = moment ? moment.view.roles.find((h) => h.seat === seatOf('CEO').key) : undefined;
  const spokenKey = moment && at !== undefined ? `${moment.last?.eventId ?? 'none'}|${moment.uncertain.map((u) => u.eventId).join(',')}` : undefined;
  const spoken = useAnnouncer(
    moment && at !== undefined
      ? `${formatInstant(at, timeZone)}. ${moment.last ? `Last change: ${moment.last.text}.` : 'No change yet.'} ${ceo ? `CEO: ${ceo.person.name}${ceo.interim ? ', interim' : ''}.` : 'No CEO recorded.'}${moment.uncertain.length ? ` ${moment.uncertain.length} change${moment.uncertain.length === 1 ? '' : 's'} that day known only to the day.` : ''}`
      : undefined,
    spokenKey,
  );

  // The main process opens it and then says 'log-changed', which reloads the page's log.
  const sharedDialog = dialog?.kind === 'shared' && api.desktop && (
    <SharedLogDialog {...(dialog.url ? { initialUrl: dialog.url } : {})} open={(request) => unwrap(api.desktop!['file:openShared'](request))} onOpened={(summary) => say(`Opened the shared log ${summary.path}`)} onClose={() => setDialog(undefined)} />
  );

  if (log.error && !log.summary) {
    return (
      <div className="fatal" role="alert">
        <h1>The log could not be opened</h1>
        <p>{log.error}</p>
        {api.desktop && <button onClick={() => void api.desktop!['file:open']({})}>Open another log…</button>}
        {api.desktop && <button onClick={() => setDialog({ kind: 'shared' })}>Open a shared log…</button>}
        <button onClick={() => void log.reload()}>Try again</button>
        {sharedDialog}
      </div>
    );
  }

  const eventsCount = matches ? matches.length : (view?.seqs.length ?? 0);
  const eventsHidden = narrow && !eventsOpen;

  return (
    <div className={`app${narrow ? ' narrow' : ''}`}>
      <Toolbar
        api={api}
        title={log.summary?.title ?? (log.progress ? `Loading… ${log.progress.loaded.toLocaleString()} of ${log.progress.total.toLocaleString()} records` : 'Loading…')}
        companies={log.companies}
        company={company}
        onCompany={(c) => {
          setCompany(c);
          setAt(undefined);
          setLimits(DEFAULT_LIMITS);
          setFilter(NO_FILTER);
        }}
        at={at}
        onAt={setAt}
        knownAt={knownAt}
        onKnownAt={setKnownAt}
        knownBy={knownBy}
        onKnownBy={setKnownBy}
        timeZone={timeZone}
        actions={actions}
        history={history}
        {...(narrow ? { events: { open: eventsOpen, toggle: () => setEventsOpen((o) => !o), count: eventsCount } } : {})}
      />
      {log.progress && <LoadNotice progress={log.progress} />}
      {log.summary?.recovered && (
        <p className="notice" role="status">
          The last write before this log was opened was incomplete (line {log.summary.recovered.line}: {log.summary.recovered.reason}). It was moved to {log.summary.recovered.sideFile}; everything before it is intact.
        </p>
      )}
      {log.arrived > 0 && (
        // Events others appended to a shared log: already in the replay, the moment left where it was.
        <p className="notice arrivals" role="status">
          {log.arrived} new event{log.arrived === 1 ? '' : 's'} arrived from another writer; the moment stays where you left it.{' '}
          <button type="button" className="link" onClick={log.seen}>
            Dismiss
          </button>
        </p>
      )}
      {log.summary?.warnings?.map((warning) => (
        <p className="notice" role="status" key={warning}>
          {warning}
        </p>
      ))}
      {view && at !== undefined && (
        <Scrubber key={view.company} times={view.times} kinds={view.kinds} precisions={view.precisions} value={at} onChange={setAt} onPick={(p) => goToEvent(view.times[p]!, view.precisions[p]!)} timeZone={timeZone} current={current} {...(matches ? { matches } : {})} />
      )}
      {view && at !== undefined && company && log.summary && (
        <Bookmarks api={api} company={company} at={at} {...(knownAt ? { knownAt } : {})} timeZone={timeZone} logId={log.summary.logId} onGo={(b) => go({ company: b.company, at: Date.parse(b.at), ...(b.knownAt ? { knownAt: b.knownAt } : {}) })} say={say} />
      )}
      <main className="panes">
        <div className="pane-state">
          <div className="view-tabs" role="tablist" aria-label="View">
            {(['state', 'seats'] as const).map((v) => (
              <button
                key={v}
                type="button"
                role="tab"
                id={`tab-${v}`}
                aria-selected={paneView === v}
                aria-controls="pane-view"
                tabIndex={paneView === v ? 0 : -1}
                onClick={() => setPaneView(v)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
                  const next = paneView === 'state' ? 'seats' : 'state';
                  setPaneView(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {v === 'state' ? 'State at this moment' : 'Seat history'}
              </button>
            ))}
          </div>
          <div id="pane-view" role="tabpanel" aria-labelledby={`tab-${paneView}`}>
          {paneView === 'seats' && company && at !== undefined && view ? (
            <SeatHistory replay={replay} company={company} known={known} version={log.head} at={at} span={span} timeZone={timeZone} fileBase={slug} onJump={goToEvent} say={say} />
          ) : moment && at !== undefined && view ? (
            <StatePanel moment={moment} figures={view.figures} span={span} at={at} timeZone={timeZone} onShowSource={showSource} onMore={showMore} />
          ) : (
            <p className="muted loading">{log.loading ? 'Loading the log…' : 'No events for this company yet.'}</p>
          )}
          </div>
        </div>
        {view && (
          <EventsList
            key={`${log.summary?.logId}/${view.company}`}
            replay={replay}
            view={view}
            current={current}
            filter={filter}
            onFilter={setFilter}
            {...(matches ? { matches } : {})}
            onSelect={(row) => {
              goToRow(row);
              if (narrow) setEventsOpen(false);
            }}
            onSource={(row) => setDialog({ kind: 'source', row })}
            onRevise={(row, mode) => setDialog({ kind: 'form', target: { row, mode, type: row.type as DomainType } })}
            hidden={eventsHidden}
            {...(narrow ? { onClose: () => setEventsOpen(false) } : {})}
          />
        )}
      </main>
      <div className="status-area" role="status">
        {status && (
          <p className={`status${status.error ? ' error' : ''}`} role={status.error ? 'alert' : undefined} key={status.id}>
            <span>{status.text}</span>
            <button type="button" className="icon" aria-label="Dismiss this message" onClick={() => setStatus(undefined)}>
              ✕
            </button>
          </p>
        )}
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true">
        {spoken}
      </div>
      {dialog?.kind === 'source' && (
        <CitationDialog
          row={dialog.row}
          onGo={(row) => {
            setDialog(undefined);
            goToRow(row);
          }}
          onRevise={(row, mode) => setDialog({ kind: 'form', target: { row, mode, type: row.type as DomainType } })}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'form' && company && at !== undefined && (
        <EventForm
          company={company}
          at={at}
          timeZone={timeZone}
          {...(dialog.target ? { target: dialog.target } : {})}
          submit={async (event) => {
            const { appended } = await log.own(unwrap(api.contract['log:append']({ events: [event] })));
            await log.appended(appended);
            say(`Recorded event #${appended[0]?.seq}`);
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {sharedDialog}
      {dialog?.kind === 'compare' && company && at !== undefined && view && (
        <ComparePanel
          initialFrom={view.times[0] ?? at}
          initialTo={at}
          first={view.times[0] ?? at}
          last={view.times[view.times.length - 1] ?? at}
          now={at}
          timeZone={timeZone}
          compare={(from, to) => replay.ask({ op: 'diff', company, from, to, ...known })}
          stateAt={(t) => askMoment(replay, { op: 'state', company, at: t, ...known })}
          between={(from, to, limit) => replay.ask({ op: 'between', company, from, to, limit, ...known })}
          onClose={() => setDialog(undefined)}
        />
      )}
    </div>
  );
}
