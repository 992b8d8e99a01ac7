/** The published JSON Schemas, generated from the same definitions the code validates with. */
import { z } from 'zod';
import { EventRecordSchema } from './event';
import { Snapshot } from './snapshot';

const BASE = 'https://incumbent.invalid/schemas';

export const jsonSchemas = (): Record<string, unknown> => ({
  'event.schema.json': {
    $id: `${BASE}/event.schema.json`,
    title: 'Incumbent event record (CloudEvents 1.0, structured JSON, one per log line)',
    ...z.toJSONSchema(EventRecordSchema, { target: 'draft-2020-12', io: 'output' }),
  },
  'snapshot.schema.json': {
    $id: `${BASE}/snapshot.schema.json`,
    title: 'Incumbent snapshot: the state of one or more companies at a moment, with provenance',
    ...z.toJSONSchema(Snapshot, { target: 'draft-2020-12', io: 'output' }),
  },
});
