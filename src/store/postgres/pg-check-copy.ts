/**
 * The check that ends `incumbent copy` into PostgreSQL: every row of the new log, read back, is
 * the line that was sent, byte for byte (its SHA-256 is the verified source's hash for that seq),
 * and the seqs run 1..head with none missing (others may already append after head). The source was verified (chain and
 * every record) before copying, so lines identical to it need no second parse and validation: at
 * 1M records that re-open would cost as long again as the copy itself.
 */
import { newPgClient } from './pg-client';
import { IncumbentError } from '../../core/errors';
import { sha256 } from '../seal';
import { isConnectionLoss, pgError } from './pg-errors';
import { parsePgUrl } from './pg-url';
import { TABLE } from './schema';

const PAGE = 20_000;

export async function checkCopy(location: string, hashOf: (seq: number) => string, head: number): Promise<void> {
  const target = parsePgUrl(location);
  const client = await newPgClient(target);
  client.on('error', () => undefined);
  try {
    await client.connect();
    let expected = 1;
    for (;;) {
      const { rows } = await client.query<{ seq: string; line: string }>(`SELECT seq, line FROM ${TABLE} WHERE log = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq LIMIT ${PAGE}`, [target.log, expected, head]);
      for (const row of rows) {
        const seq = Number(row.seq);
        if (seq !== expected) throw new IncumbentError('damaged', `the copy at ${target.display} has #${seq} where #${expected} should be, after copying ${head} records`);
        if (sha256(row.line) !== hashOf(seq)) throw new IncumbentError('damaged', `the copy at ${target.display} differs from the source at #${seq}: the line read back is not the line sent`);
        expected++;
      }
      if (rows.length < PAGE) break;
    }
    if (expected - 1 !== head) throw new IncumbentError('damaged', `the copy at ${target.display} ends at #${expected - 1}, not at #${head}`);
  } catch (error) {
    // The copy committed before this read-back began: "nothing was written" would send a retry into a log that holds it.
    if (isConnectionLoss(error)) throw new IncumbentError('io', `the copy into ${target.display} was committed, but the PostgreSQL server at ${target.server} did not answer when it was read back to be checked (${(error as Error).message}); once it is back, check it with: incumbent verify --log ${target.display} --head ${head}:${hashOf(head)}`);
    throw pgError(error, target.server, `check the copy in log "${target.log}"`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
