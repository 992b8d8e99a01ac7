/** `incumbent verify`: the chain, every record against its schema, and every revision's target. */
import type { EventRecord } from '../core/event';
import { IncumbentError } from '../core/errors';
import { checkRevision } from '../core/revision';
import { parseRecord } from '../core/validate';
import { readLog } from '../store/read-log';

export async function verifyLog(path: string): Promise<string> {
  const { ledger, digests, torn } = await readLog(path);
  if (torn) throw new IncumbentError('damaged', `line ${torn.line}: ${torn.reason} (a torn write); opening the log for writing moves it to a .corrupt side file`);
  const seen = new Map<string, EventRecord>();
  const revised = new Map<string, string>();
  for (const record of ledger.records) {
    const line = record.seq;
    try {
      const parsed = parseRecord(record);
      checkRevision(parsed, { find: (id) => seen.get(id), revisionOf: (id) => revised.get(id) });
      if (parsed.type === 'event.corrected' || parsed.type === 'event.retracted') revised.set(parsed.data.target, parsed.id);
    } catch (error) {
      throw new IncumbentError('damaged', `line ${line}: ${(error as Error).message}`);
    }
    seen.set(record.id, record);
  }
  const companies = ledger.companies();
  const named = companies.length > 5 ? `${companies.slice(0, 5).join(', ')}, ...` : companies.join(', ');
  return `ok: ${ledger.head} records, ${companies.length} ${companies.length === 1 ? 'company' : 'companies'} (${named}), "${ledger.title}", head ${ledger.head} ${digests.hexOf(ledger.head)}`;
}
