/**
 * Loads the open log into the replay worker, a page of records at a time. The page itself keeps
 * no copy of the records (a million of them twice over would not fit a renderer's heap).
 */
import { useCallback, useEffect, useState } from 'react';
import type { LogSummary } from '../core/contract';
import type { EventRecord } from '../core/event';
import { unwrap, type Api } from './api';
import type { ReplayClient } from './replay-client';

export const PAGE = 20_000;

export interface LogData {
  summary?: LogSummary;
  companies: { id: string; name: string }[];
  /** Records known to the page: grows as the log loads and as events are appended. */
  head: number;
  loading: boolean;
  error?: string;
  reload(): Promise<void>;
  /** Adds records the main process has just appended (no reload needed). */
  appended(records: EventRecord[]): Promise<void>;
}

export function useLog(api: Api, replay: ReplayClient): LogData {
  const [summary, setSummary] = useState<LogSummary>();
  const [companies, setCompanies] = useState<LogData['companies']>([]);
  const [head, setHead] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    setLoading(true);
    setError(undefined);
    try {
      const next = await unwrap(api.contract['log:summary']({}));
      await replay.ask({ op: 'reset' });
      setHead(0);
      for (let from = 1; from <= next.head.seq; from += PAGE) {
        const page = await unwrap(api.contract['log:read']({ fromSeq: from, limit: PAGE }));
        setHead((await replay.ask({ op: 'add', records: page.records })).head);
      }
      setCompanies(await replay.ask({ op: 'companies' }));
      setSummary(next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, replay]);

  const appended = useCallback(
    async (records: EventRecord[]) => {
      if (records.length === 0) return;
      setHead((await replay.ask({ op: 'add', records })).head);
      setCompanies(await replay.ask({ op: 'companies' }));
    },
    [replay],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { summary, companies, head, loading, error, reload, appended };
}
