/**
 * Opening a shared (PostgreSQL) log in the desktop app, and opening it again later: the logic behind
 * File > Open Shared Log… and Open Recent, kept out of Electron's glue so it is tested without it.
 *
 * Invariants:
 * - The settings get the connection string without its password; the password is kept only
 *   encrypted by the keychain (`SecretBox`), or not at all (see shared-credentials.ts).
 * - Nothing is remembered until the log has opened: a failure leaves the settings as they were.
 */
import { IncumbentError } from '../core/errors';
import type { LogSummary } from '../core/contract';
import { askedForPassword } from '../store/postgres/pg-errors';
import { passwordFrom, storedPasswordFor, type SecretBox, type SharedLogEntry } from '../store/shared-credentials';
import { sharedLogTarget, type SharedLogRequest } from './shared-log-request';

export interface SharedLogsDeps {
  /** Opens the log a location names as the window's current log (LogSession.open + summary). */
  open(location: string): Promise<LogSummary>;
  settings: {
    sharedLogs(): SharedLogEntry[];
    rememberShared(entry: SharedLogEntry): Promise<void>;
  };
  secrets: SecretBox;
}

export interface SharedLogs {
  /** Validates the dialog's request, opens the log, then remembers it (password encrypted or not at all). */
  open(request: SharedLogRequest): Promise<LogSummary>;
  /** Re-opens a remembered shared log; 'ask' when its password must be typed again. */
  reopen(url: string): Promise<LogSummary | 'ask'>;
}

export function sharedLogs({ open, settings, secrets }: SharedLogsDeps): SharedLogs {
  const withPassword = (url: string, password: string | undefined) => sharedLogTarget({ url, password }).connect;
  return {
    async open(request) {
      const target = sharedLogTarget(request);
      const summary = await open(target.connect).catch((error: unknown) => {
        // The dialog has a field for it: the terminal's advice (PGPASSWORD, ~/.pgpass) is not the way here.
        throw askedForPassword(error) && !target.password ? new IncumbentError('invalid', 'is needed: the PostgreSQL server asks for one', 'password') : error;
      });
      await settings.rememberShared({ url: target.remembered, password: storedPasswordFor(secrets, target.password) });
      return summary;
    },
    async reopen(url) {
      const entry = settings.sharedLogs().find((e) => e.url === url);
      if (!entry) throw new IncumbentError('invalid', 'is not one of the recent shared logs', 'url');
      const known = passwordFrom(secrets, entry.password);
      if (known === 'ask') return 'ask';
      const summary = await open(withPassword(entry.url, known.password));
      await settings.rememberShared(entry);
      return summary;
    },
  };
}
