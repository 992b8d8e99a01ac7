/**
 * What the toolbar's "Export snapshot" and "More" menu (and the desktop menu) do with the log and
 * the chosen moment. Each action says its outcome, or its error, in the status line. The returned
 * object keeps its identity; its actions always act on the latest moment.
 */
import { useMemo } from 'react';
import { useLatest } from './useLatest';
import type { SnapshotRequest } from '../core/snapshot';
import { momentLink } from '../core/moment-link';
import type { Api } from './api';
import { fileStamp } from './format';
import type { Knowing } from './replay-protocol';
import { exportsFor } from './useExports';
import { hashOf } from './useMomentLink';
import type { LogData } from './useLog';

export interface Moment {
  company: string | undefined;
  at: number | undefined;
  known: Knowing;
  timeZone: string;
  /** The log's title as a file-name stem (`openai-crisis`). */
  slug: string;
}

export type FileAction = 'exportSnapshot' | 'copySnapshot' | 'importEvents' | 'exportEvents' | 'copyLink';

export function useFileActions(api: Api, log: Pick<LogData, 'own' | 'appended' | 'opening' | 'head'>, moment: Moment, say: (text: string, error?: boolean) => void): Record<FileAction, () => void> {
  const latest = useLatest({ log, moment, say });

  return useMemo(() => {
    const exporter = exportsFor(api);
    const request = (): SnapshotRequest | undefined => {
      const { at, company, known } = latest.current.moment;
      return at === undefined || !company ? undefined : { at: new Date(at).toISOString(), company, ...known };
    };
    const guarded = (action: () => Promise<string | undefined | void>) => () =>
      void action().then(
        (text) => text && latest.current.say(text),
        (e: Error) => latest.current.say(e.message, true),
      );
    /**
     * While the host opens the log, what is made from the log waits for it (seconds at a million
     * events), and is made from all of it once checked, not from the records shown meanwhile: said at once.
     */
    const waitForOpening = (what: string) => {
      const { opening, head } = latest.current.log;
      if (opening) latest.current.say(`Waiting for the log to open: ${what} is made from the whole log once it is checked${head ? `, not from the first ${head.toLocaleString()} records shown meanwhile` : ''}`);
    };
    return {
      exportSnapshot: guarded(async () => {
        const r = request();
        if (!r) return undefined;
        waitForOpening('the snapshot');
        const { slug, timeZone } = latest.current.moment;
        const known = r.knownAt ? `-as-known-${fileStamp(Date.parse(r.knownAt), timeZone)}` : '';
        const where = await exporter.exportSnapshot(r, `${slug}-${fileStamp(Date.parse(r.at), timeZone)}${known}.snapshot.json`);
        return where ? `Snapshot saved: ${where}` : undefined;
      }),
      copySnapshot: guarded(async () => {
        const r = request();
        if (r) waitForOpening('the snapshot');
        return r ? `Snapshot copied (${(await exporter.copySnapshot(r)).toLocaleString()} bytes)` : undefined;
      }),
      importEvents: guarded(async () => {
        const { log } = latest.current;
        const result = await log.own(exporter.importEvents());
        if (!result) return undefined;
        const { appended, skipped } = result;
        await log.appended(appended);
        // With the records' numbers, as the event form says its one: a batch is sealed as consecutive records.
        const [first, last] = [appended[0]?.seq, appended.at(-1)?.seq];
        const where = first === undefined ? '' : first === last ? `, recorded as #${first}` : `, recorded as #${first} to #${last}`;
        // Events the log holds already, with the same content, are not added again (an import run twice): said, or "Imported 0 events" says nothing of why.
        const again = skipped.length ? `; ${skipped.length.toLocaleString()} already in the log with the same content, not added again` : '';
        return `Imported ${appended.length} event${appended.length === 1 ? '' : 's'}${where}${again}`;
      }),
      exportEvents: guarded(async () => {
        waitForOpening('the export');
        const where = await exporter.exportEvents(`${latest.current.moment.slug}.jsonl`);
        return where ? `Events exported: ${where}` : undefined;
      }),
      copyLink: guarded(async () => {
        // Made from the moment, not read from the address, which follows a move only after a pause.
        // The desktop page's own address (app://) means nothing elsewhere; its link opens the app.
        const { company, at, known } = latest.current.moment;
        if (!company || at === undefined) throw new Error('No moment to link to yet: the log has no events shown');
        const hash = hashOf({ company, at, knownAt: known.knownAt });
        const link = api.mode === 'desktop' ? momentLink(hash) : `${window.location.origin}${window.location.pathname}${window.location.search}${hash}`;
        await navigator.clipboard.writeText(link);
        return `Link to this moment copied: ${link}`;
      }),
    };
  }, [api, latest]);
}
