/** Writes data/twitter-2021-2023.jsonl from scripts/twitter-2021-2023.events.ts, through the real store. */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openService } from '../src/service/service';
import { batches, LOG } from './twitter-2021-2023.events';

export async function buildTwitterDataset(path: string): Promise<void> {
  rmSync(path, { force: true });
  rmSync(`${path}.head`, { force: true });
  // The log is created when its first batch is recorded; each batch is stamped with its own time.
  let clock = new Date(batches[0]!.recordedAt);
  const service = await openService(path, { appVersion: 'dataset', create: LOG, now: () => clock });
  try {
    for (const batch of batches) {
      clock = new Date(batch.recordedAt);
      await service['log:append']({ events: batch.events });
    }
  } finally {
    service.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = fileURLToPath(new URL('../data/twitter-2021-2023.jsonl', import.meta.url));
  await buildTwitterDataset(path);
  console.log(`wrote ${path}`);
}
