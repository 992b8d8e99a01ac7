/** Writes data/openai-2023-11.jsonl from scripts/openai-2023-11.events.ts, through the real store. */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openService } from '../src/service/service';
import { batches } from './openai-2023-11.events';

export async function buildOpenAiDataset(path: string): Promise<void> {
  rmSync(path, { force: true });
  rmSync(`${path}.head`, { force: true });
  let clock = new Date(batches[0]!.recordedAt);
  const service = await openService(path, {
    appVersion: 'dataset',
    create: { title: 'OpenAI leadership crisis, November 2023', id: 'openai-2023-11' },
    now: () => clock,
  });
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
  const path = fileURLToPath(new URL('../data/openai-2023-11.jsonl', import.meta.url));
  await buildOpenAiDataset(path);
  console.log(`wrote ${path}`);
}
