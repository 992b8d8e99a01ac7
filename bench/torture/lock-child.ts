/**
 * One contender in the lock races: on each "go" it waits for the shared start instant, then opens
 * the log for writing, appends a batch and closes, and reports what happened.
 */
import { IncumbentError } from '../../src/core/errors';
import { EventLog } from '../../src/store/event-log';
import { drafts } from './fixtures';

interface Go {
  path: string;
  round: number;
  startAt: number;
  batch: number;
}

process.on('message', async ({ path, round, startAt, batch }: Go) => {
  while (Date.now() < startAt) {
    // Spin: a timer would blur the start by a millisecond or more.
  }
  const prefix = `r${round}-p${process.pid}`;
  try {
    const log = await EventLog.open(path);
    try {
      const { appended } = await log.append(drafts(prefix, 0, batch));
      process.send!({ ok: true, ids: appended.map((r) => r.id), head: log.ledger.head });
    } finally {
      log.close();
    }
  } catch (error) {
    const known = error instanceof IncumbentError;
    process.send!({ ok: false, code: known ? error.code : 'raw', message: (error as Error).message });
  }
});

process.send!('ready');
