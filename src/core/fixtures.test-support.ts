/** Builders for tests: records as the store would seal them, without the store. */
import type { EventRecord } from './event';

const citation = { document: 'test', quote: 'A quoted sentence.' };
export const person = (id: string) => ({ id, name: id.replace(/-/g, ' ') });

let seq = 0;
export const resetSeq = () => {
  seq = 0;
};

/** A record of `type` at `time` for company `subject`; seq and recorded time follow call order. */
export function rec(type: string, time: string, data: Record<string, unknown>, options: { subject?: string; id?: string; recordedtime?: string } = {}): EventRecord {
  seq += 1;
  const isRevision = type.startsWith('event.');
  return {
    specversion: '1.0',
    id: options.id ?? `e${seq}`,
    source: 'urn:test',
    type,
    subject: options.subject ?? 'acme',
    time,
    timeprecision: 'minute',
    timezone: 'UTC',
    recordedtime: options.recordedtime ?? new Date(Date.UTC(2024, 0, 1) + seq * 60_000).toISOString(),
    seq,
    prevhash: '0'.repeat(64),
    datacontenttype: 'application/json',
    data: isRevision || type === 'log.created' ? data : { certainty: 'confirmed', citation, ...data },
  } as EventRecord;
}

export const created = () => rec('log.created', '2024-01-01T00:00:00Z', { title: 'Test log' }, { id: 'log' });
