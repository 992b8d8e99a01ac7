/**
 * A URL of a kind no log is (`pg://`, a slip for postgres://) was taken for a file path, and its
 * password printed in every message about that "file" ("no log at pg://alice:s3cret@..."). Refused,
 * naming only its scheme; nothing is written.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LOG } from './commands';
import { runCli } from './run-cli.test-support';

const URL_WITH_PASSWORD = 'pg://alice:s3cret@db.example/news?log=crisis';

describe('--log, FROM or TO given as a URL of a kind no log is', () => {
  it.each([
    ['verify', ['--log', URL_WITH_PASSWORD], '--log'],
    ['snapshot', ['--log', URL_WITH_PASSWORD, '--at', '2023-11-18T12:00:00Z'], '--log'],
    ['init', ['--log', URL_WITH_PASSWORD, '--title', 'News'], '--log'],
    ['copy', [BUILT_IN_LOG, URL_WITH_PASSWORD], 'TO'],
    ['copy', [URL_WITH_PASSWORD, 'copied.jsonl'], 'FROM'],
  ])('%s is refused, naming the scheme, never the password, and writes nothing', async (command, args, field) => {
    const { code, err } = await runCli([command, ...args]);
    expect(err).toContain(`incumbent ${command}: ${field}: is a pg:// URL, which no log is: give a file path, or a postgres:// URL (postgres://user@host/database?log=NAME)\n`);
    expect(err).not.toContain('s3cret');
    expect(code).toBe(1);
    // A relative path's first folder, had it been taken for one.
    expect(existsSync('pg:')).toBe(false);
  });
});

describe('--log given as a postgres URL short of its "://"', () => {
  it.each(['postgres:/alice:s3cret@db.example/news?log=crisis', 'postgresql:alice:s3cret@db.example/news?log=crisis', 'postgres//alice:s3cret@db.example/news?log=crisis'])('%s is refused, never printing the password', async (given) => {
    const { code, err } = await runCli(['verify', '--log', given]);
    expect(err).toBe('incumbent verify: --log: is a postgres URL without its "://": give postgres://user@host/database?log=NAME, or a file path\n');
    expect(code).toBe(1);
  });
});
