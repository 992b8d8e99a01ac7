/**
 * `incumbent copy` into PostgreSQL whose session the server ends mid-copy (its idle limit inside
 * the transaction ran out while this process was stalled): the copy says so, not "not queryable".
 * Against a real PostgreSQL; skipped, saying why, without one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { linesOf } from '../copy-log';
import { clusterForTests, sayWhySkipped } from './cluster.test-support';
import { copyFailure, importLines } from './pg-import';
import { parsePgUrl } from './pg-url';
import { pgLogsForTests, statementDraft } from './pg-logs.test-support';

const { cluster, skipped } = await clusterForTests();
sayWhySkipped('pg-import.test.ts', skipped);
afterAll(() => cluster?.destroy());

const { newLog, open } = pgLogsForTests(cluster, 'import');

/** Blocks this whole process (event loop included) for `ms`, as SIGSTOP or a laptop's sleep would. */
const freeze = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

describe.skipIf(!cluster)(`a copy into PostgreSQL whose session the server ends${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  it('says the server ended it for sitting idle in its transaction, and that nothing was written', { timeout: 30_000 }, async () => {
    const source = await open(newLog());
    await source.append([statementDraft('a'), statementDraft('b')]);
    function* stalling() {
      const lines = [...linesOf(source)];
      // Once the last rows' INSERT is sent, the process freezes past its 300 ms idle limit: the
      // server answers it, then ends the session; its FATAL is read with no query awaiting it.
      setTimeout(() => freeze(1_500), 0);
      yield* lines;
    }
    const target = newLog();
    const failure = await importLines(target, stalling(), 300).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'io', message: expect.stringMatching(/ended this session because it sat idle inside its transaction.*nothing was written/) });
    expect(String((failure as Error).message)).not.toMatch(/not queryable/);
    // Nothing of it is there: the same copy goes in whole afterwards.
    await expect(importLines(target, linesOf(source))).resolves.toBe(3);
  });
});

describe('a copy whose server goes away while it commits', () => {
  it('says the copy may or may not be there and how to tell, not that it is safe to send again', () => {
    const target = parsePgUrl('postgres://u@db:5432/d?log=team');
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
    const said = copyFailure(lost, target, true, 1200).message;
    expect(said).toMatch(/^could not copy into log "team": .* while committing \(Connection terminated unexpectedly\), so the 1200 records may or may not be in it\. Once the server is back, `incumbent verify --log postgres:\/\/u@db:5432\/d\?log=team` tells: a log ending at #1200 holds the copy/);
    expect(said).not.toMatch(/send again|nothing was written/);
    // Before the commit, nothing was written, as for any write.
    expect(copyFailure(lost, target, false, 1200).message).toMatch(/nothing was written \(the transaction was rolled back\)$/);
  });
});
