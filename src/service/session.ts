/**
 * The log a window is working on, and switching to another. The desktop app and the web host each
 * hold one session; every contract call goes to the current log.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers, Operation } from '../core/contract';
import { IncumbentError } from '../core/errors';
import { openService, type LogService, type ServiceOptions } from './service';

export class LogSession {
  #current: LogService | undefined;
  readonly #options: ServiceOptions;
  /** Why no log is open, when opening the last one failed at start. */
  failure: string | undefined;

  constructor(options: ServiceOptions) {
    this.#options = options;
  }

  get current(): LogService {
    if (!this.#current) throw new IncumbentError('not-found', this.failure ? `no log is open: ${this.failure}` : 'no log is open');
    return this.#current;
  }

  /** Opens (or with `title`, creates) a log; the previous one stays open if this fails. */
  async open(path: string, title?: string): Promise<LogService> {
    const next = await openService(path, { ...this.#options, ...(title ? { create: { title } } : {}) });
    const previous = this.#current;
    this.#current = next;
    await previous?.close();
    this.failure = undefined;
    return next;
  }

  /** `log:read` as JSON text (see `LogService.readJson`), from whichever log is current. */
  readonly readJson = (args: { fromSeq: number; limit: number }): string => this.current.readJson(args);

  /** Every contract operation, served by whichever log is current at the time of the call. */
  handlers(): Handlers {
    const forward = <K extends Operation>(operation: K) => ((args: never) => (this.current[operation] as (a: never) => unknown)(args)) as Handlers[K];
    return {
      'log:summary': forward('log:summary'),
      'log:read': forward('log:read'),
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

  async close(): Promise<void> {
    const current = this.#current;
    this.#current = undefined;
    await current?.close();
  }
}

/**
 * The user's copy of the built-in dataset, made on first start so the shipped file never changes.
 */
export function starterLog(dataDir: string, builtIn: string): string {
  const logs = join(dataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  const path = join(logs, 'openai-2023-11.jsonl');
  if (!existsSync(path)) {
    // The head anchor first: a log found without one is opened as unanchored and checked in full.
    if (existsSync(`${builtIn}.head`)) copyFileSync(`${builtIn}.head`, `${path}.head`);
    copyFileSync(builtIn, path);
  }
  return path;
}
