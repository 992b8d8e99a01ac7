/** Loads the open log into the page and the replay worker, a page of records at a time. */
import { useCallback, useEffect, useState } from 'react';
import type { LogSummary } from '../core/contract';
import type { EventRecord } from '../core/event';
import { unwrap, type Api } from './api';
import type { ReplayClient } from './replay-client';

const PAGE = 20_000;

export interface LogData {
  summary?: LogSummary;
  /** Every record, by sequence (records[seq - 1]). */
  records: EventRecord[];
  companies: { id: string; name: string }[];
  loading: boolean;
  error?: string;
  reload(): Promise<void>;
  /** Adds records the main process has just appended (no reload needed). */
  appended(records: EventRecord[]): Promise<void>;
}

export function useLog(api: Api, replay: ReplayClient): LogData {
  const [summary, setSummary] = useState<LogSummary>();
  const [records, setRecords] = useState<EventRecord[]>([]);
  const [companies, setCompanies] = useState<LogData['companies']>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    setLoading(true);
    setError(undefined);
    try {
      const next = await unwrap(api.contract['log:summary']({}));
      await replay.ask({ op: 'reset' });
      const all: EventRecord[] = [];
      for (let from = 1; from <= next.head.seq; from += PAGE) {
        const page = await unwrap(api.contract['log:read']({ fromSeq: from, limit: PAGE }));
        for (const record of page.records) all.push(record);
        setCompanies((await replay.ask({ op: 'add', records: page.records })).companies);
      }
      setRecords(all);
      setSummary(next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, replay]);

  const appended = useCallback(
    async (added: EventRecord[]) => {
      if (added.length === 0) return;
      setCompanies((await replay.ask({ op: 'add', records: added })).companies);
      setRecords((previous) => [...previous, ...added]);
      setSummary((previous) => previous && { ...previous, head: { seq: added[added.length - 1]!.seq, hash: previous.head.hash } });
    },
    [replay],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  return { summary, records, companies, loading, error, reload, appended };
}
