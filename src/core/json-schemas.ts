/** The published JSON Schemas, generated from the same definitions the code validates with. */
import { z } from 'zod';
import { EventDraftSchema, EventRecordSchema } from './event';
import { Snapshot } from './snapshot';

const BASE = 'https://incumbent.invalid/schemas';

/** The record schema alone: a stored index is keyed by it (see `index-cache.ts`), and reopening a log makes no other. */
export const recordJsonSchema = () => ({
  $id: `${BASE}/event.schema.json`,
  title: 'Incumbent event record (CloudEvents 1.0, structured JSON, one per log line)',
  ...z.toJSONSchema(EventRecordSchema, { target: 'draft-2020-12', io: 'output' }),
});

export const jsonSchemas = (): Record<string, unknown> => ({
  'event.schema.json': recordJsonSchema(),
  // What an author writes: the record schema asks for what only the log assigns (seq, prevhash, recordedtime).
  'event-draft.schema.json': {
    $id: `${BASE}/event-draft.schema.json`,
    title: 'Incumbent event as an author writes it, one per line of an events file (the log adds seq, prevhash and recordedtime)',
    description: 'subject (the company id) is required for every type but log.created; fields with a default may be left out.',
    ...z.toJSONSchema(EventDraftSchema, { target: 'draft-2020-12', io: 'input' }),
  },
  'snapshot.schema.json': {
    $id: `${BASE}/snapshot.schema.json`,
    title: 'Incumbent snapshot: the state of one or more companies at a moment, with provenance',
    ...z.toJSONSchema(Snapshot, { target: 'draft-2020-12', io: 'output' }),
  },
});
