/**
 * The log a window is working on, and switching to another. The desktop app and the web host each
 * hold one session; every contract call goes to the current log.
 *
 * A window does not wait for its log: the app shows its window (the web host listens) at once and
 * opens the log behind it, which takes seconds at a million events. A call that arrives before
 * any log is open waits for the opening, and is answered by that log or told why it failed.
 */
import { resolve } from 'node:path';
import type { Handlers, JsonPage, OpeningProgress, Operation } from '../core/contract';
import { IncumbentError, sentenceOf } from '../core/errors';
import { Serial } from '../core/serial';
import type { Ledger } from '../core/ledger';
import { wholeBatchEnd } from '../core/page-end';
import type { ChainedSoFar } from '../store/read-options';
import { openService, type LogService, type ServiceOptions } from './service';

/** A log being opened (see `LogSession.opening`). */
interface Opening {
  path: string;
  read: number;
  size: number;
  since: number;
  /** Its first records, read and chained so far (none until some are, and none once the reading ends). */
  sofar?: ChainedSoFar | undefined;
  /** The highest record `log:read` has answered from them, and its hash. */
  answered?: { seq: number; hash: string };
  /** The most records `log:opening` has said were chained: a read begun again (see read-log.ts) chains them anew, from none. */
  told: number;
  /** Whether it is the last open asked for: else calls wait for another log (`ready`), and none of its records are served. */
  last(): boolean;
}

export class LogSession {
  #current: LogService | undefined;
  #closed = false;
  readonly #options: ServiceOptions;
  /** Opens run one at a time, so the one asked for last is the one that stays open. */
  readonly #opens = new Serial();
  /** The latest open asked for while no log was open: what calls wait for. */
  #first: Promise<unknown> | undefined;
  /** Why no log is open, when opening one failed while none was (see `waitFor`). */
  failure: string | undefined;
  /** The log being opened, how far reading it has come (`log:opening`), and its first records read and chained so far. */
  #opening: Opening | undefined;
  /** How many opens have been asked for: the last one's records alone are served while it opens (calls wait for it, see `ready`). */
  #asked = 0;
  /** The path of the last open asked for: asked for again (picked twice), it is the same open. */
  #lastAsked: string | undefined;

  constructor(options: ServiceOptions) {
    this.#options = options;
  }

  get current(): LogService {
    if (!this.#current) throw new IncumbentError('not-found', this.failure ? `no log is open: ${this.failure}` : 'no log is open');
    return this.#current;
  }

  /** The current log; while none is open and one is opening, the log being opened once it is. */
  async ready(): Promise<LogService> {
    if (!this.#current) await this.#first;
    return this.current;
  }

  /** Opens (or with `title`, creates) a log; the previous one stays open if this fails. */
  open(path: string, title?: string): Promise<LogService> {
    if (this.#closed) return Promise.reject(new IncumbentError('cancelled', `${path} was not opened: the session has closed`));
    // The log being opened, picked again, is the same open (see below): its records are still served.
    const again = !title && this.#lastAsked !== undefined && resolve(this.#lastAsked) === resolve(path);
    const asked = again ? this.#asked : ++this.#asked;
    this.#lastAsked = path;
    const opening = this.#opens.run(async () => {
      // The log open already (picked again, or while it was still opening): its own lock is not another writer's.
      if (!title && this.#current && resolve(this.#current.log.path) === resolve(path)) return this.#current;
      const opening: Opening = (this.#opening = { path, read: 0, size: 0, since: performance.now(), told: 0, last: () => asked === this.#asked });
      const progress = (read: number, size: number) => Object.assign(opening, { read, size });
      const chained = (sofar: ChainedSoFar | undefined) => void (opening.sofar = sofar);
      const next = await openService(path, { ...this.#options, progress, chained, ...(title ? { create: { title } } : {}) }).finally(() => {
        if (this.#opening === opening) this.#opening = undefined;
      });
      // The records answered while it opened are the log's: a file rewritten meanwhile (read again,
      // see read-log.ts) could have opened with others in their place, chained and anchored anew.
      const { answered } = opening;
      if (answered && (answered.seq > next.log.ledger.head || next.log.hashOf(answered.seq) !== answered.hash)) {
        await next.close();
        throw new IncumbentError('damaged', `${path} changed while it was being opened: its first ${answered.seq} records are no longer those shown; open it again`);
      }
      const previous = this.#current;
      this.#current = next;
      this.failure = undefined;
      await previous?.close();
      return next;
    });
    this.waitFor(opening);
    return opening;
  }

  /**
   * While no log is open, calls wait for `opening` (an open, or a start that opens a log in its own
   * way, a shared log's); if it fails while still none is, its reason is what they are told.
   */
  waitFor(opening: Promise<unknown>): void {
    if (this.#current) return;
    this.#first = opening.catch((error: unknown) => {
      if (!this.#current) this.failure = sentenceOf(error);
    });
  }

  /** The log being opened, if one is, and how far reading its file has come. */
  opening(): OpeningProgress | null {
    const opening = this.#opening;
    if (!opening) return null;
    const { path, read, size, since, sofar } = opening;
    const checked = this.#served() ? (sofar?.records ?? 0) : 0;
    opening.told = Math.max(opening.told, checked);
    return { path, read, size, elapsedMs: Math.round(performance.now() - since), checked };
  }

  /**
   * The log being opened, while its first records are served: no log is open (while one is, its
   * records are what `log:read` gives), and no other open was asked for after it.
   */
  #served(): Opening | undefined {
    return this.#current || !this.#opening?.last() ? undefined : this.#opening;
  }

  /**
   * Records `fromSeq` on, while no log is open, when the one opening has read and chained them
   * (see `ChainedSoFar`): up to `limit`, or to the last of those. The highest one answered is noted,
   * so that the log, once open, is known to hold them (`open`).
   */
  #sofar(fromSeq: number, limit: number): { ledger: Ledger; to: number } | undefined {
    const opening = this.#served();
    const sofar = opening?.sofar;
    const to = Math.min(fromSeq - 1 + limit, sofar?.records ?? 0);
    // Fewer than were said to be chained (a read begun again has not chained them anew yet) would be
    // taken for all there are: the page would ask for the next ones after those it was told of.
    if (!sofar || fromSeq > to || to < Math.min(fromSeq - 1 + limit, opening.told)) return undefined;
    // A read begun again answers only once it holds the records answered before, as they were: else
    // the page would hold some from the file before a rewrite and some from after (those it asks for
    // again among them). The call waits for the open instead, which the records answered first then fail (`open`).
    const { answered } = opening;
    if (answered && (sofar.records < answered.seq || sofar.hashOf(answered.seq) !== answered.hash)) return undefined;
    const end = wholeBatchEnd(sofar.ledger, to, sofar.records);
    if (!answered || end > answered.seq) opening.answered = { seq: end, hash: sofar.hashOf(end) };
    return { ledger: sofar.ledger, to: end };
  }

  /** `log:read` as JSON, in pieces (see `LogService.readJson`), from whichever log is current (or, while one opens, from what it has read). */
  readonly readJson = async ({ fromSeq, limit }: { fromSeq: number; limit: number }): Promise<JsonPage> => {
    const sofar = this.#sofar(fromSeq, limit);
    // Made whole now: the opening goes on between pieces, and a failed one closes the file.
    if (sofar) return { head: sofar.to, records: [Buffer.concat([...sofar.ledger.recordsJson(fromSeq, sofar.to)])] };
    return (await this.ready()).readJson({ fromSeq, limit });
  };

  /** Every contract operation, served by whichever log is current at the time of the call. */
  handlers(): Handlers {
    const forward = <K extends Operation>(operation: K) =>
      (async (args: never, signal?: AbortSignal) => ((await this.ready())[operation] as (a: never, s?: AbortSignal) => unknown)(args, signal)) as Handlers[K];
    return {
      'log:summary': forward('log:summary'),
      'log:opening': async () => this.opening(),
      'log:read': async (args) => {
        const sofar = this.#sofar(args.fromSeq, args.limit);
        return sofar ? { records: [...sofar.ledger.records(args.fromSeq, sofar.to)], head: sofar.to } : (await this.ready())['log:read'](args);
      },
      'log:changes': forward('log:changes'),
      'log:append': forward('log:append'),
      'log:import': forward('log:import'),
      'snapshot:build': forward('snapshot:build'),
      'diff:between': forward('diff:between'),
      'bookmarks:list': forward('bookmarks:list'),
      'bookmarks:add': forward('bookmarks:add'),
      'bookmarks:remove': forward('bookmarks:remove'),
    } satisfies Handlers;
  }

  /** Closes the log, once the opens asked for before have finished; an open asked for after is refused. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#opens.settled;
    const current = this.#current;
    this.#current = undefined;
    await current?.close();
  }
}
