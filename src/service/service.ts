/**
 * The app's operations over one open log, as plain async functions. Every transport (IPC, HTTP,
 * CLI) calls these and nothing else, so they behave the same everywhere.
 */
import type { Handlers, JsonPage, LogSummary } from '../core/contract';
import { describeChange, diffStates } from '../core/diff';
import { fileSlug } from '../core/file-slug';
import { noSuchCompany } from '../core/errors';
import { pageEnd } from '../core/page-end';
import { buildSnapshot, snapshotJson, type SnapshotRequest } from '../core/snapshot';
import { openLogStore, type LogStore, type OpenOptions } from '../store/log-store';
import { toEpoch } from '../core/time';
import { isoInZone } from '../core/zone';
import { bookmarksOf } from './bookmarks';
import { parseJsonLines, validateBatch } from './validate-batch';

export interface ServiceOptions extends OpenOptions {
  appVersion: string;
}

export interface LogService extends Handlers {
  readonly log: LogStore;
  snapshotText(request: SnapshotRequest): string;
  /** The whole log as JSON Lines, byte for byte as stored. */
  eventsText(): string;
  /**
   * `log:read`'s answer with its records as JSON (UTF-8), as stored, in pieces read as they are
   * asked for (see `Records.json`): the web host sends them without parsing them, or holding all of
   * them at once. The records are those up to `head`, whatever is appended while they are sent.
   */
  readJson(args: { fromSeq: number; limit: number }): JsonPage;
  close(): Promise<void>;
}

/** How many records one `log:changes` answer carries, or more to finish the batch the last is in; the caller asks again from there. */
const CHANGES_LIMIT = 10_000;
const CHANGES_WAIT_MS = 25_000;

/** "2023-11-18T1200-0800": a moment in a file name, as local time in the company's zone. */
const fileStamp = (epoch: number, zone: string) => {
  const local = isoInZone(epoch, zone);
  return `${local.slice(0, 10)}T${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(19).replace(':', '')}`;
};

/** Opens the log at `location`: a file path, or a postgres URL (`postgres://user@host/db?log=NAME`). */
export async function openService(location: string, options: ServiceOptions): Promise<LogService> {
  const log = await openLogStore(location, options);
  const bookmarks = bookmarksOf(log.path);
  const ledger = () => log.ledger;
  /** A company's zone: that of its latest fact (the log's first company when none is named). */
  const zoneOf = (company = ledger().companies()[0]) => {
    const timeline = company === undefined ? undefined : ledger().timeline(company);
    return timeline && timeline.length > 0 ? timeline.effectAt(timeline.length - 1).timezone : 'UTC';
  };

  const summary = (): LogSummary => {
    const l = ledger();
    return {
      path: log.path,
      logId: l.logId,
      title: l.title,
      head: { seq: l.head, hash: log.hashOf(l.head) },
      companies: l.companyNames(),
      ...(log.recovered ? { recovered: log.recovered } : {}),
      ...(log.warnings.length ? { warnings: [...log.warnings] } : {}),
    };
  };

  // Validated inside the append, against the state it follows: a shared log may have grown since.
  const append = async (raw: readonly unknown[], fieldOf: (index: number) => string) => log.append((state) => validateBatch(raw, state, fieldOf), fieldOf);

  /** Long polls waiting for news; closing the log answers them at once. */
  const waiting = new Set<() => void>();
  const changes = async ({ sinceSeq, timeoutMs = CHANGES_WAIT_MS }: { sinceSeq: number; timeoutMs?: number }, signal?: AbortSignal) => {
    // Cut only at a batch's end: the page shows what it is given, and part of a batch is a state the log never had.
    const answer = () => ({ records: [...ledger().records(sinceSeq + 1, pageEnd(ledger(), sinceSeq + 1, CHANGES_LIMIT))], head: ledger().head });
    // Behind the head: answer now. Ahead of it (the caller knew another log): answer now, so it resyncs.
    if (ledger().head !== sinceSeq || timeoutMs === 0 || signal?.aborted) return answer();
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stop();
        waiting.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const stop = log.onAppended(done);
      waiting.add(done);
      // A caller that has gone waits no longer: its wait held its request for up to a minute.
      signal?.addEventListener('abort', done, { once: true });
    });
    return answer();
  };

  const snapshotText = (request: SnapshotRequest): string => {
    if (request.company && !ledger().timeline(request.company)) throw noSuchCompany(request.company, ledger().companies(), 'company');
    return snapshotJson(buildSnapshot(ledger(), request, (seq) => log.hashOf(seq), options.appVersion));
  };

  return {
    log,
    snapshotText,
    eventsText: () => Array.from(ledger().records(), (record) => `${JSON.stringify(record)}\n`).join(''),
    close: async () => {
      for (const done of [...waiting]) done();
      await log.close();
    },
    'log:summary': async () => summary(),
    // An open log is not being opened (a session answers this while it opens one).
    'log:opening': async () => null,
    readJson: ({ fromSeq, limit }) => ({ head: ledger().head, records: ledger().recordsJson(fromSeq, pageEnd(ledger(), fromSeq, limit)) }),
    'log:read': async ({ fromSeq, limit }) => ({ records: [...ledger().records(fromSeq, pageEnd(ledger(), fromSeq, limit))], head: ledger().head }),
    'log:changes': changes,
    'log:append': async ({ events }) => append(events, (i) => `events.${i}`),
    'log:import': async ({ jsonl }) => append(parseJsonLines(jsonl), (i) => `event ${i + 1}`),
    'snapshot:build': async (request) => ({
      json: snapshotText(request),
      fileName: `${fileSlug(ledger().title)}-${fileStamp(toEpoch(request.at), zoneOf(request.company))}.snapshot.json`,
    }),
    'diff:between': async ({ from, to, knownAt, knownBy, company }) => {
      const l = ledger();
      const a = l.stateAt(company, from, knownAt, knownBy);
      const b = l.stateAt(company, to, knownAt, knownBy);
      if (!a || !b) throw noSuchCompany(company, l.companies(), 'company');
      const changes = diffStates(a, b);
      return { changes, sentences: changes.map(describeChange) };
    },
    'bookmarks:list': async () => bookmarks.list(),
    'bookmarks:add': async ({ bookmark }) => bookmarks.add(bookmark),
    'bookmarks:remove': async ({ name }) => bookmarks.remove(name),
  };
}
