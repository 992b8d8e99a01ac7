/**
 * A password in a postgres URL is never shown, whatever it holds: one with `/`, `?` or `#` left
 * unencoded would otherwise be read as host, port, database or query, which every message and
 * banner shows. Through the CLI, against a real PostgreSQL (skipped, saying why, where none starts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { pgLogsForTests } from './pg-logs.test-support';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-url.test.ts', skipped);
afterAll(() => cluster?.destroy());

const { newLog, create } = pgLogsForTests(cluster, 'url');

const run = async (...argv: string[]) => {
  let said = '';
  const code = await main(argv, { out: (t) => void (said += t), err: (t) => void (said += t), readStdin: async () => '' });
  return { code, said };
};

/** Each password's pieces that no message may hold, in its URL as a person might paste it. */
const RAW_PASSWORDS: Record<string, string[]> = {
  '4242/Xyzzy': ['4242', 'Xyzzy'],
  '4242#Xyzzy': ['4242', 'Xyzzy'],
  '4242?Xyzzy': ['4242', 'Xyzzy'],
  'Xy@zz/y': ['Xy', 'zz/y', 'zz%2Fy'],
  '4242/Xyzzy?log=a#b': ['4242', 'Xyzzy'],
};

describe.skipIf(!cluster)(`a postgres URL's password is never shown${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('an encoded password with / ? # @ % opens the log; nothing said holds it', async () => {
    const url = newLog();
    await create(url);
    const password = 'Xy/zz?y#w@v%u';
    const withPassword = url.replace('incumbent@', `incumbent:${encodeURIComponent(password)}@`);
    const { code, said } = await run('verify', '--log', withPassword);
    expect(said).toContain(`in ${url}`);
    expect(code).toBe(0);
    expect(said).not.toMatch(/Xy|zz/);
  });

  for (const [password, pieces] of Object.entries(RAW_PASSWORDS)) {
    it(`an unencoded password "${password}" is refused, naming --log, and not one piece of it is said`, async () => {
      const url = newLog();
      await create(url);
      const { code, said } = await run('verify', '--log', url.replace('incumbent@', `incumbent:${password}@`));
      expect(code).not.toBe(0);
      expect(said).toMatch(/--log: .*percent-encoded/);
      for (const piece of pieces) expect(said).not.toContain(piece);
    });
  }

  it('a badly percent-encoded password is refused as such, naming --log', async () => {
    const { code, said } = await run('verify', '--log', newLog().replace('incumbent@', 'incumbent:Xy%zz@'));
    expect(code).not.toBe(0);
    expect(said).toMatch(/--log: has a badly percent-encoded password/);
    expect(said).not.toMatch(/Xy|zz/);
  });
});
