/** Sealing: a validated draft becomes one log line, with the fields only the log assigns. */
import { hash } from 'node:crypto';
import type { EventDraft, EventRecord } from '../core/event';

/** The hash chain's starting point: the "previous hash" of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export const sha256 = (line: string | Buffer): string => hash('sha256', line);

export interface Seal {
  id: string;
  seq: number;
  prevhash: string;
  recordedtime: string;
  /** The seq of the last record of a batch of two or more (absent for a batch of one). */
  batchend?: number;
}

/** Builds the record with a fixed key order, so that a record always serialises to the same line. */
export function sealRecord(draft: EventDraft, seal: Seal): { record: EventRecord; line: string } {
  const { specversion, source, type, subject, time, timeprecision, timezone, datacontenttype, data } = draft;
  const record = {
    specversion,
    id: seal.id,
    source,
    type,
    ...(subject === undefined ? {} : { subject }),
    time,
    timeprecision,
    timezone,
    recordedtime: seal.recordedtime,
    seq: seal.seq,
    prevhash: seal.prevhash,
    ...(seal.batchend === undefined ? {} : { batchend: seal.batchend }),
    datacontenttype,
    data,
  } as EventRecord;
  return { record, line: JSON.stringify(record) };
}
