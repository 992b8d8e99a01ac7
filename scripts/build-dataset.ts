/** Writes a built-in log through the real store, each batch stamped with the time it was recorded. */
import { rmSync } from 'node:fs';
import type { EventDraftInput } from '../src/core/event';
import { openService } from '../src/service/service';
import type { OpenOptions } from '../src/store/log-store';

export interface DatasetBatch {
  recordedAt: string;
  events: EventDraftInput[];
}

export async function buildDataset(path: string, create: NonNullable<OpenOptions['create']>, batches: readonly DatasetBatch[]): Promise<void> {
  rmSync(path, { force: true });
  rmSync(`${path}.head`, { force: true });
  // The log is created when its first batch is recorded; the store's clock is the batch's time.
  let clock = new Date(batches[0]!.recordedAt);
  const service = await openService(path, { appVersion: 'dataset', create, now: () => clock });
  try {
    for (const batch of batches) {
      clock = new Date(batch.recordedAt);
      await service['log:append']({ events: batch.events });
    }
  } finally {
    await service.close();
  }
}
