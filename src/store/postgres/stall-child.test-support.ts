/**
 * A writer that stalls while it holds the log's lock, for the idle-in-transaction test:
 * `node --import tsx stall-child.test-support.ts URL IDLE_MS WHERE` opens the log with a session
 * idle limit of IDLE_MS, and appends one event on the locked path; once under the lock (inside its
 * transaction) it prints "holding" and stops itself with SIGSTOP, as a laptop put to sleep or a
 * network gone silent would leave it: WHERE `between` its statements, or `awaiting` the reply to
 * its INSERT (which then arrives with the server's farewell). Continued (SIGCONT), it prints the
 * append's outcome as JSON: `{"appended":[ids]}` or `{"code":...,"message":...}`.
 */
import { IncumbentError } from '../../core/errors';
import { parseDraft } from '../../core/validate';
import { PgEventLog } from './pg-event-log';

const [url, idleText, where] = process.argv.slice(2) as [string, string, 'between' | 'awaiting'];
const log = await PgEventLog.open(url, { idleInTransactionMs: Number(idleText) });
let decisions = 0;
const outcome = await log
  .append(() => {
    // The first decision is the fast path's, against what was read: nothing, so the locked path
    // decides again, after BEGIN and the lock. Stopping there leaves the lock held, the session idle.
    if (++decisions === 1) return [];
    process.stdout.write('holding\n');
    const stop = () => process.kill(process.pid, 'SIGSTOP');
    // A timer runs once the INSERT has been sent and the append awaits its reply.
    if (where === 'awaiting') setTimeout(stop, 0);
    else stop();
    return [parseDraft({ id: 'stalled', type: 'statement.made', subject: 'acme', time: '2024-01-01T00:00:00Z', data: { certainty: 'confirmed', citation: { document: 'd', quote: 'q' }, person: { id: 'p', name: 'P' }, text: 'stalled' } })];
  })
  .then(
    ({ appended }) => ({ appended: appended.map((r) => r.id) }),
    (error: unknown) => (error instanceof IncumbentError ? { code: error.code, message: error.message } : { code: 'thrown', message: String(error) }),
  );
process.stdout.write(`${JSON.stringify(outcome)}\n`);
await log.close();
