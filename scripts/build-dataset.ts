/**
 * Writes a built-in log through the real store, each batch stamped with the time it was recorded.
 * Built beside its place and moved in whole: a batch the store refuses leaves the old log as it was.
 */
import { renameSync, rmSync } from 'node:fs';
import type { EventDraftInput } from '../src/core/event';
import { openService } from '../src/service/service';
import type { OpenOptions } from '../src/store/log-store';

export interface DatasetBatch {
  recordedAt: string;
  events: EventDraftInput[];
}

export async function buildDataset(path: string, create: NonNullable<OpenOptions['create']>, batches: readonly DatasetBatch[]): Promise<void> {
  const building = `${path}.building`;
  const clear = (log: string) => ['', '.head', '.index'].forEach((beside) => rmSync(`${log}${beside}`, { force: true }));
  clear(building);
  // The log is created when its first batch is recorded; the store's clock is the batch's time.
  let clock = new Date(batches[0]!.recordedAt);
  const service = await openService(building, { appVersion: 'dataset', create, now: () => clock });
  try {
    for (const batch of batches) {
      clock = new Date(batch.recordedAt);
      await service['log:append']({ events: batch.events });
    }
  } catch (error) {
    await service.close();
    clear(building);
    throw error;
  }
  await service.close();
  rmSync(`${path}.index`, { force: true });
  renameSync(building, path);
  renameSync(`${building}.head`, `${path}.head`);
  rmSync(`${building}.index`, { force: true });
}
