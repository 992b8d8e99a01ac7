/**
 * Loads the open log into the replay worker, a page of records at a time. The page itself keeps
 * no copy of the records (a million of them twice over would not fit a renderer's heap).
 *
 * Then keeps it current: a long poll (`log:changes`) brings records appended elsewhere (another
 * process on a shared PostgreSQL log, another window), which join the worker without a reload.
 * Invariant: records reach the worker once each, in seq order, one batch at a time (`take`).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LogSummary } from '../core/contract';
import type { EventRecord } from '../core/event';
import { Serial } from '../core/serial';
import { unwrap, type Api } from './api';
import { whileOpening, type Opening } from './opening-watch';
import { asksAgain, FIRST_PAGE, FIRST_STATE_WAIT_MS, IN_FLIGHT, PAGE, WHILE_OPENING } from './load-pacing';
import { timeLeft, type Arrival } from './load-estimate';
import type { ReplayClient } from './replay-client';
import { shownText } from '../core/shown-text';

/** How far a load has come: records in the worker, of how many, and an estimate of the time left. */
export interface LoadProgress {
  loaded: number;
  total: number;
  /** The records loaded while the host opened the log, before it had checked them against the log's end: the log opened, so they are now. */
  checkedEarly?: number;
  /** Milliseconds left at the rate so far; undefined until there is a rate. */
  etaMs?: number;
}

export interface LogData {
  summary?: LogSummary;
  companies: { id: string; name: string }[];
  /** Records known to the page: grows as the log loads and as events are appended. */
  head: number;
  loading: boolean;
  /** How many loads have begun: each after the first may be of another log. */
  loads: number;
  error?: string;
  reload(): Promise<void>;
  /** Adds records the main process has just appended (no reload needed). */
  appended(records: EventRecord[]): Promise<void>;
  /** Wraps this page's own append: while one is on its way, nothing the poll brings is counted as another writer's yet. */
  own<T>(append: Promise<T>): Promise<T>;
  /** Records that arrived from elsewhere since the last `seen()` (for a badge). */
  arrived: number;
  seen(): void;
  /** Set while a load is in progress. */
  progress?: LoadProgress;
  /** Set while the host is opening the log (the records it has read and chained load meanwhile). */
  opening?: Opening;
  /** Says the first answer is on screen (the state, the seat history, or nothing to show): the rest of the log loads from then on. */
  stateShown(): void;
}

/** How long the page's own append has to claim records the poll brought in first. */
const CLAIM_GRACE_MS = 1_000;
/** After a failed poll (server restarting, log switched), wait this long before asking again. */
const RETRY_MS = 5_000;

export function useLog(api: Api, replay: ReplayClient): LogData {
  const [summary, setSummary] = useState<LogSummary>();
  const [companies, setCompanies] = useState<LogData['companies']>([]);
  const [head, setHead] = useState(0);
  const [loading, setLoading] = useState(true);
  const [loads, setLoads] = useState(0);
  const [error, setError] = useState<string>();
  const [arrived, setArrived] = useState(0);
  const [progress, setProgress] = useState<LoadProgress>();
  const [opening, setOpening] = useState<Opening>();
  /** The worker's head, read by the poll and by `take` without waiting for a render. */
  const headRef = useRef(0);
  /**
   * Ids the poll brought in, not yet counted as arrivals: the page's own append can come back
   * through the poll before its own answer does, and is claimed by `appended` within the grace.
   */
  const unclaimed = useRef(new Set<string>());
  /** Ids of this page's own appends that the poll has not brought yet: never counted as arrivals. */
  const ownIds = useRef(new Set<string>());
  /** This page's appends still waiting for their answer (on a loaded machine it can come after the poll's, past the grace). */
  const inFlight = useRef(0);
  /** Batches on their way into the worker, one at a time. */
  const queue = useRef(new Serial());
  /** Resolves the current load's wait for its first state (a no-op once it has). */
  const shown = useRef<() => void>(() => {});
  /** Loads begun: one begun after another (another log, a retry) supersedes it, which then changes nothing more. */
  const generation = useRef(0);
  /** Set while a load is under way: it brings the log's records to its end, and the poll after it any appended meanwhile. */
  const loadingNow = useRef(true);
  const stateShown = useCallback(() => shown.current(), []);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    const superseded = () => generation.current !== mine;
    setLoading(true);
    loadingNow.current = true;
    setError(undefined);
    // It may be another log (the host's was replaced): nothing of the last one stays on screen,
    // or can be acted on, while this one loads; a launch starts from the same nothing.
    setLoads((n) => n + 1);
    setSummary(undefined);
    setCompanies([]);
    // Set until the host's log is open: then what is loaded (some of it, maybe, while it opened) is that log's.
    let opened: LogSummary | undefined;
    try {
      await replay.ask({ op: 'reset' });
      headRef.current = 0;
      setHead(0);
      // While the host opens the log, the records it has read and chained so far load as they
      // come (`OpeningProgress.checked`), a log that grows: the first state shows long before a
      // large log's end is read. If the opening then fails, nothing of them stays (below).
      let checked = 0;
      /** How many of them the page had when the log opened (which checked them). */
      let early = 0;
      let nudge = () => {};
      const watched = (opening: Opening | undefined) => {
        if (!superseded()) setOpening(opening);
        if (opening && opening.checked > checked) {
          checked = opening.checked;
          nudge();
        }
      };
      const summaryAsked = whileOpening(api, unwrap(api.contract['log:summary']({})), watched).then((summary) => {
        opened = summary;
        early = headRef.current;
        if (!superseded()) setProgress({ loaded: early, total: summary.head.seq, ...(early ? { checkedEarly: early } : {}) });
        nudge();
        return summary;
      });
      summaryAsked.catch(() => undefined); // awaited below; this only keeps a failure while pages load from going unhandled
      const arrivals: Arrival[] = [];
      let shownHead = 0;
      let nextSeq = 1;
      let pagesAsked = 0;
      const load = async ([fromSeq, limit]: [number, number]) => {
        if (api.http) return replay.ask({ op: 'fetch', token: api.http.token, fromSeq, limit });
        const page = await unwrap(api.contract['log:read']({ fromSeq, limit }));
        return replay.ask({ op: 'add', records: page.records });
      };
      const firstStateOnScreen = () =>
        new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            // A reload begun meanwhile has its own wait: it is not undone here.
            if (shown.current === done) shown.current = () => {};
            resolve();
          };
          const timer = setTimeout(done, FIRST_STATE_WAIT_MS);
          shown.current = done;
        });
      const asking: Promise<{ head: number }>[] = [];
      for (;;) {
        if (superseded()) return;
        const total = opened ? opened.head.seq : Math.min(checked, WHILE_OPENING);
        // Pages: a small first one, alone (the worker lists the companies without the next to parse meanwhile), then each twice the last up to PAGE, IN_FLIGHT at once.
        while (nextSeq <= total && asking.length < (shownHead === 0 || !opened ? 1 : IN_FLIGHT)) {
          const limit = Math.min(FIRST_PAGE * 2 ** pagesAsked, PAGE, total - nextSeq + 1);
          const asked = load([nextSeq, limit]);
          asked.catch(() => undefined); // awaited in turn; this only keeps a page after a failed one from going unhandled
          asking.push(asked);
          nextSeq += limit;
          pagesAsked += 1;
        }
        if (asking.length === 0) {
          if (opened) break;
          // Nothing more to ask for until the host has read more, or has opened the log (or failed to).
          await Promise.race([new Promise<void>((resolve) => (nudge = resolve)), summaryAsked]);
          continue;
        }
        const answered = await asking.shift()!;
        if (superseded()) return;
        headRef.current = answered.head;
        const loaded = headRef.current;
        if (opened) {
          arrivals.push({ at: performance.now(), loaded });
          const etaMs = timeLeft(arrivals, opened.head.seq);
          setProgress({ loaded, total: opened.head.seq, ...(etaMs !== undefined ? { etaMs } : {}), ...(early ? { checkedEarly: early } : {}) });
        }
        const last = !!opened && loaded >= opened.head.seq;
        // At the first page, at each doubling (`asksAgain`) and at the last: the page's questions are asked again for what has loaded.
        if (asksAgain(loaded, shownHead) || last) {
          const first = shownHead === 0;
          shownHead = loaded;
          const firstCompanies = first ? await replay.ask({ op: 'companies' }) : undefined;
          if (firstCompanies) setCompanies(firstCompanies);
          setHead(loaded);
          if (firstCompanies?.length && !last) await firstStateOnScreen();
        }
      }
      // Every record may have come while the host opened the log, the last of them short of a doubling: shown now.
      if (shownHead < headRef.current) setHead(headRef.current);
      const names = await replay.ask({ op: 'companies' });
      if (superseded()) return;
      setCompanies(names);
      // The title and names the host gives are shown as the worker shows a record's text (shown-text.ts).
      setSummary({ ...opened!, title: shownText(opened!.title), companies: opened!.companies.map((c) => ({ ...c, name: shownText(c.name) })) });
    } catch (e) {
      if (superseded()) return;
      // Records shown while the host opened a log that then failed to open are no log's: none stays.
      if (!opened) {
        await replay.ask({ op: 'reset' }).catch(() => undefined);
        headRef.current = 0;
        setHead(0);
        setCompanies([]);
      }
      setError((e as Error).message);
    } finally {
      if (!superseded()) {
        setProgress(undefined);
        loadingNow.current = false;
        setLoading(false);
      }
    }
  }, [api, replay]);

  /** Adds the records the worker does not have yet, fetching any before them first; returns how many were new. */
  const take = useCallback(
    (records: readonly EventRecord[]): Promise<number> => {
      return queue.current.run(async () => {
        const from = headRef.current;
        const fresh = records.filter((r) => r.seq > from);
        if (fresh.length === 0) return 0;
        // While a load is under way, the records before these can be most of the log: over a page of
        // them, the load's pages bring them, then the poll these. A few are read here, and these shown at once.
        if (loadingNow.current && fresh[0]!.seq - from - 1 > PAGE) return 0;
        // A shared log: others may have appended between the worker's head and these records.
        const gap = fresh[0]!.seq > from + 1 ? (await unwrap(api.contract['log:read']({ fromSeq: from + 1, limit: fresh[0]!.seq - from - 1 }))).records : [];
        headRef.current = (await replay.ask({ op: 'add', records: [...gap, ...fresh] })).head;
        setHead(headRef.current);
        setCompanies(await replay.ask({ op: 'companies' }));
        return gap.length + fresh.length;
      });
    },
    [api, replay],
  );

  const appended = useCallback(
    async (records: EventRecord[]) => {
      // The poll may not have registered them yet (its replay can finish after this answer): remember them as ours.
      for (const record of records) if (!unclaimed.current.delete(record.id)) ownIds.current.add(record.id);
      await take(records);
    },
    [take],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (loading || error) return;
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const since = headRef.current;
        const result = await api.contract['log:changes']({ sinceSeq: since });
        if (stopped) return;
        if (!result.ok) {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
          continue;
        }
        // The server's log is shorter than the page's: another log is open there now.
        if (result.value.head < since) return void reload();
        const fresh = result.value.records.filter((r) => r.seq > since);
        const added = await take(result.value.records).catch(() => 0);
        if (added === 0 || stopped) continue;
        for (const record of fresh) if (!ownIds.current.delete(record.id)) unclaimed.current.add(record.id);
        const count = () => {
          // An own append still unanswered may be one of these: wait for its answer before counting.
          if (inFlight.current > 0) return void setTimeout(count, CLAIM_GRACE_MS);
          const others = fresh.filter((r) => unclaimed.current.delete(r.id)).length;
          if (others > 0) setArrived((n) => n + others);
        };
        setTimeout(count, CLAIM_GRACE_MS);
      }
    })();
    return () => {
      stopped = true;
    };
  }, [api, loading, error, take, reload]);

  const seen = useCallback(() => setArrived(0), []);
  const own = useCallback(async <T,>(append: Promise<T>): Promise<T> => {
    inFlight.current += 1;
    try {
      return await append;
    } finally {
      inFlight.current -= 1;
    }
  }, []);

  return { summary, companies, head, loading, loads, error, reload, appended, own, arrived, seen, stateShown, ...(progress ? { progress } : {}), ...(opening ? { opening } : {}) };
}
