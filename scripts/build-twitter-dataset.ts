/** Writes data/twitter-2021-2023.jsonl from scripts/twitter-2021-2023.events.ts, through the real store. */
import { fileURLToPath } from 'node:url';
import { buildDataset } from './build-dataset';
import { batches, LOG } from './twitter-2021-2023.events';

export const buildTwitterDataset = (path: string) => buildDataset(path, LOG, batches);

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = fileURLToPath(new URL('../data/twitter-2021-2023.jsonl', import.meta.url));
  await buildTwitterDataset(path);
  console.log(`wrote ${path}`);
}
