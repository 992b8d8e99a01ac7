/**
 * The `pg` package, loaded when a PostgreSQL log is first used: loading it (it loads undici) took
 * about 0.1 s of every CLI run, on a log file too, once the CLI's bundle had hoisted its import.
 */
import type pg from 'pg';

let driver: Promise<typeof pg> | undefined;

/** Loaded once; a load that failed (pg missing while an install runs) is tried again at the next use, as Node would. */
export const pgDriver = (): Promise<typeof pg> =>
  (driver ??= import('pg').then(
    (module) => module.default,
    (error: unknown) => {
      driver = undefined;
      throw error;
    },
  ));
