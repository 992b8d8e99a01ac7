/**
 * The main window: toolbar, timeline scrubber, the company's state at the chosen moment (always
 * first, at any width), and the events (beside it on wide windows, in a drawer on narrow ones).
 * The replay worker answers every question; the page only draws.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fileSlug } from '../core/file-slug';
import { upperBound } from '../core/search';
import type { KnownBy } from '../core/ledger';
import type { DomainType } from '../core/vocabulary';
import { createApi, unwrap } from './api';
import { Bookmarks } from './components/Bookmarks';
import { LoadNotice, OpeningNotice } from './components/LoadNotice';
import { LogNotices } from './components/LogNotices';
import { CitationDialog } from './components/CitationDialog';
import { ComparePanel } from './components/ComparePanel';
import { EventForm, type FormTarget, type KeptDraft } from './components/EventForm';
import { EventsList } from './components/EventsList';
import { Scrubber } from './components/Scrubber';
import { momentOfEvent, zoneOf } from './scrubber-marks';
import { busySpan } from './scrubber-view';
import { SeatHistory } from './components/SeatHistory';
import { SharedLogDialog } from './components/SharedLogDialog';
import { MORE, StatePanel } from './components/StatePanel';
import { Spoken } from './components/Spoken';
import { StatusLine, useStatus } from './components/StatusLine';
import { Toolbar } from './components/Toolbar';
import { ViewTabs, type PaneView } from './components/ViewTabs';
import { formatAt, formatInstant, isCoarse, periodOf } from './format';
import type { ReplayClient } from './replay-client';
import { isFiltering, PRECISIONS, type EventRow, type FilterSpec, type Knowing } from './replay-protocol';
import { DEFAULT_LIMITS, type Limits } from './state-view';
import { useMomentAnnouncement } from './useAnnouncer';
import { useLoadAnnouncement } from './useLoadAnnouncement';
import { useFileActions } from './useFileActions';
import { useFollowedEnd } from './useFollowedEnd';
import { useLog } from './useLog';
import { useCommands } from './useCommands';
import { useKeptFocus } from './useKeptFocus';
import { useMediaQuery } from './useMediaQuery';
import { askMoment, useMoment, useTimelineView } from './useMoment';
import { readHash, useMomentHistory, type Place } from './useMomentLink';

type Dialog = { kind: 'form'; target?: FormTarget } | { kind: 'compare' } | { kind: 'source'; row: EventRow } | { kind: 'shared'; url?: string };
const NO_FILTER: FilterSpec = { kind: '', text: '', hideRumoured: false };

export function App({ replay }: { replay: ReplayClient }) {
  // createApi reads (and removes) the web token from the address first; the moment stays there.
  const api = useMemo(createApi, []);
  const initial = useMemo(() => readHash(), []);
  const log = useLog(api, replay);
  const [company, setCompany] = useState<string | undefined>(initial.company);
  const [knownAt, setKnownAt] = useState<string | undefined>(initial.knownAt);
  const [knownBy, setKnownBy] = useState<KnownBy>('recorded');
  /** Who is asking: everything the log holds, or what was known at `knownAt` (by `knownBy`). */
  const known = useMemo<Knowing>(() => (knownAt ? { knownAt, knownBy } : {}), [knownAt, knownBy]);
  const [dialog, setDialog] = useState<Dialog>();
  const keptDraft = useRef<KeptDraft>(undefined);
  const { status, say, dismiss } = useStatus();
  const [filter, setFilter] = useState<FilterSpec>(NO_FILTER);
  const [filterMatches, setMatches] = useState<Int32Array>();
  // Cleared, the filter matches nothing any more in the very render that clears it (its answer, set in an effect, comes a render later).
  const filtering = isFiltering(filter);
  const matches = filtering ? filterMatches : undefined;
  const narrow = useMediaQuery('(max-width: 1099px)');
  useKeptFocus();
  const [eventsOpen, setEventsOpen] = useState(false);
  if (eventsOpen && !narrow) setEventsOpen(false); // widened: no drawer to come back unasked when narrowed again
  const [paneView, setPaneView] = useState<PaneView>('state');
  const [scrubbing, setScrubbing] = useState(false); // the playhead is being dragged: the events list holds still

  useEffect(() => {
    if (log.companies.length && !log.companies.some((c) => c.id === company)) setCompany(log.companies[0]!.id);
  }, [log.companies, company]);

  const [limits, setLimits] = useState<Limits>(DEFAULT_LIMITS);
  const { at, setAt, moveTo, follow, movesByReader, state: moment } = useMoment(replay, company, known, log.head, limits, initial.at);
  // Asked after the state (its effect comes later): the worker answers in turn, and the state is the answer a move waits for.
  const view = useTimelineView(replay, company, known, log.head);
  // Each load after the first may be of another log (the host's replaced): no choice made in the last one carries over.
  useEffect(() => {
    if (log.loads <= 1) return;
    setAt(undefined);
    setKnownAt(undefined);
    setCompany(undefined);
  }, [log.loads, setAt]);
  // What the pane shows: the rendering below and the first-state signal read this one decision.
  const paneShows: PaneView | undefined = !company || at === undefined || !view ? undefined : paneView === 'seats' ? 'seats' : moment ? 'state' : undefined;
  // The rest of a loading log waits for the first answer on screen (useLog), once committed; a company with no events has none to wait for.
  const answered = paneShows !== undefined || view?.times.length === 0;
  const { stateShown } = log;
  useEffect(() => void (answered && stateShown()), [answered, stateShown]);
  const showMore = useCallback((list: keyof Limits) => setLimits((l) => ({ ...l, [list]: l[list] + MORE })), []);
  const following = useFollowedEnd({ view, at, setAt, follow, movesByReader, loading: log.loading, head: log.head });

  // The filter is answered by the worker; the list and the scrubber's markers both follow it.
  useEffect(() => {
    if (!company || !filtering) return setMatches(undefined);
    let live = true;
    replay.ask({ op: 'filter', company, ...known, filter }).then((m) => live && setMatches(m), () => live && setMatches(undefined));
    return () => {
      live = false;
    };
  }, [replay, company, known, filter, filtering, log.head]);

  // The company's zone, known once its view is here: until then no moment can be typed (it would be read in another zone).
  const zone = view?.timeZone;
  const timeZone = zone ?? 'UTC';
  const current = view && at !== undefined ? upperBound(view.times, at) - 1 : -1;
  const span = useMemo<[number, number]>(() => (view && busySpan(view.times)) ?? [0, 1], [view]);

  const go = useCallback((place: Place) => {
    if (place.company) setCompany(place.company);
    setKnownAt(place.knownAt);
    if (place.at !== undefined) setAt(place.at);
  }, [setAt]);
  const history = useMomentHistory({ company, at, knownAt }, go);

  /**
   * Goes to an event: its instant, or, for a fact known only to the day, the end of that day (where
   * the state certainly includes it), reckoned in the event's own zone (`zone`), as the state is.
   */
  const goToEvent = useCallback(
    (time: number, precisionCode: number, zone: string) => {
      const precision = PRECISIONS[precisionCode] ?? 'minute';
      const target = momentOfEvent(time, precisionCode, zone);
      moveTo(target);
      const where = zone === timeZone ? '' : ` in ${zone}`;
      if (isCoarse(precision)) say(`That event is known only to the ${precision} (${formatAt(periodOf(time, precision, zone)[0], precision, zone)}${where}): the moment is now the end of that ${precision}, ${formatInstant(target, timeZone)}, where the state certainly includes it.`);
    },
    [timeZone, say, moveTo],
  );
  const goToRow = useCallback((row: EventRow) => goToEvent(row.time, PRECISIONS.indexOf(row.precision), row.timezone), [goToEvent]);
  // Stable, so the memoised events list is not drawn again for a moment that leaves it as it was.
  const selectRow = useCallback(
    (row: EventRow) => {
      goToRow(row);
      if (narrow) setEventsOpen(false);
    },
    [goToRow, narrow],
  );
  const showRowSource = useCallback((row: EventRow) => setDialog({ kind: 'source', row }), []);
  const revise = useCallback((row: EventRow, mode: FormTarget['mode']) => setDialog({ kind: 'form', target: { row, mode, type: row.type as DomainType } }), []);
  const closeEvents = useCallback(() => setEventsOpen(false), []);
  const showSource = useCallback(
    (eventId: string) => void replay.ask({ op: 'row', id: eventId }).then((row) => (row ? setDialog({ kind: 'source', row }) : say(`No event ${eventId} in this log`, true))),
    [replay, say],
  );

  const slug = fileSlug(log.summary?.title ?? 'log');
  const fileActions = useFileActions(api, log, { company, at, known, timeZone, slug }, say);
  // The form and Compare read times in the company's zone: they open once it is known (not later, unasked).
  const actions = useMemo(() => ({ ...fileActions, addEvent: () => zone && setDialog({ kind: 'form' }), compare: () => zone && setDialog({ kind: 'compare' }) }), [fileActions, zone]);
  useCommands(api, {
    ...actions,
    openMoment: history.goToLink,
    openShared: (url) => setDialog({ kind: 'shared', ...(url ? { url } : {}) }),
    logChanged: () => void log.reload(),
    back: history.back,
    forward: history.forward,
  });

  const spoken = useMomentAnnouncement(following ? undefined : moment, zone); // while it follows a loading log's end, the load's sentences say where it is
  const loadSaid = useLoadAnnouncement(log.opening, log.progress, log.head);

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

  // As the list's heading says it: "3 of 54" while a filter is set.
  const eventsCount = { count: matches ? matches.length : (view?.seqs.length ?? 0), ...(matches && view ? { of: view.seqs.length } : {}) };
  const eventsHidden = narrow && !eventsOpen;
  const behindDrawer = eventsOpen && !!view; // the drawer (there while a view is) covers the page: nothing behind it takes the focus or is read

  return (
    <div className={`app${narrow ? ' narrow' : ''}`}>
      <div className="app-top" inert={behindDrawer}>
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
          {...(zone ? { timeZone: zone } : {})}
          actions={actions}
          history={history}
          {...(narrow ? { events: { open: eventsOpen, toggle: () => setEventsOpen((o) => !o), ...eventsCount } } : {})}
        />
        {log.opening && <OpeningNotice opening={log.opening} shown={log.head} />}
        {log.progress && <LoadNotice progress={log.progress} shown={log.head} />}
        <LogNotices summary={log.summary} arrived={log.arrived} onSeen={log.seen} />
        {view && at !== undefined && (
          <Scrubber key={view.company} times={view.times} kinds={view.kinds} precisions={view.precisions} value={at} onChange={moveTo} onPick={(p) => goToEvent(view.times[p]!, view.precisions[p]!, zoneOf(view, p))} timeZone={timeZone} zones={view} current={current} onDragging={setScrubbing} {...(matches ? { matches } : {})} />
        )}
        {company && log.summary && (
          <Bookmarks api={api} company={company} companies={log.companies} at={at} {...(knownAt ? { knownAt } : {})} timeZone={timeZone} logId={log.summary.logId} onGo={(b) => go({ company: b.company, at: Date.parse(b.at), ...(b.knownAt ? { knownAt: b.knownAt } : {}) })} say={say} />
        )}
      </div>
      <main className="panes">
        <div className="pane-state" inert={behindDrawer}>
          <ViewTabs value={paneView} onChange={setPaneView} />
          <div id="pane-view" role="tabpanel" aria-labelledby={`tab-${paneView}`}>
          {paneShows === 'seats' && company && at !== undefined && view ? (
            <SeatHistory replay={replay} company={company} known={known} version={log.head} at={at} span={span} timeZone={timeZone} fileBase={slug} onJump={goToEvent} say={say} />
          ) : paneShows === 'state' && moment && company && at !== undefined && view ? (
            <StatePanel moment={moment} figures={view.figures} span={span} asked={{ company, at, ...known }} timeZone={timeZone} onShowSource={showSource} onMore={showMore} />
          ) : (
            <p className="muted loading">{log.loading ? 'Loading the log…' : view?.times.length === 0 ? 'No events for this company yet.' : 'Loading…'}</p>
          )}
          </div>
        </div>
        {view && (
          <EventsList
            key={view.company}
            replay={replay}
            view={view}
            current={current}
            scrubbing={scrubbing}
            filter={filter}
            onFilter={setFilter}
            known={known}
            {...(matches ? { matches } : {})}
            onSelect={selectRow}
            onSource={showRowSource}
            onRevise={revise}
            hidden={eventsHidden}
            {...(narrow ? { onClose: closeEvents } : {})}
          />
        )}
      </main>
      <StatusLine status={status} onDismiss={dismiss} />
      <Spoken sentences={[spoken, loadSaid]} />
      {dialog?.kind === 'source' && (
        <CitationDialog
          row={dialog.row}
          onGo={(row) => {
            setDialog(undefined);
            goToRow(row);
          }}
          onRevise={revise}
          onClose={() => setDialog(undefined)}
        />
      )}
      {dialog?.kind === 'form' && company && at !== undefined && zone && (
        <EventForm
          company={company}
          at={at}
          timeZone={zone}
          {...(dialog.target ? { target: dialog.target } : { kept: keptDraft.current, onKeep: (kept) => (keptDraft.current = kept) })}
          submit={async (event) => {
            const { appended } = await log.own(unwrap(api.contract['log:append']({ events: [event] })));
            await log.appended(appended);
            say(`Recorded event #${appended[0]?.seq}`);
          }}
          onClose={() => setDialog(undefined)}
        />
      )}
      {sharedDialog}
      {dialog?.kind === 'compare' && company && at !== undefined && view && zone && (
        <ComparePanel
          initialFrom={view.times[0] ?? at}
          initialTo={at}
          first={view.times[0] ?? at}
          last={view.times[view.times.length - 1] ?? at}
          now={at}
          timeZone={zone}
          compare={(from, to) => replay.ask({ op: 'diff', company, from, to, ...known })}
          stateAt={(t) => askMoment(replay, { op: 'state', company, at: t, ...known })}
          between={(from, to, limit) => replay.ask({ op: 'between', company, from, to, limit, ...known })}
          onClose={() => setDialog(undefined)}
        />
      )}
    </div>
  );
}
