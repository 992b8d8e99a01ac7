/** Writes data/openai-2023-11.jsonl from scripts/openai-2023-11.events.ts, through the real store. */
import { fileURLToPath } from 'node:url';
import { buildDataset } from './build-dataset';
import { batches } from './openai-2023-11.events';

export const buildOpenAiDataset = (path: string) => buildDataset(path, { title: 'OpenAI leadership crisis, November 2023', id: 'openai-2023-11' }, batches);

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = fileURLToPath(new URL('../data/openai-2023-11.jsonl', import.meta.url));
  await buildOpenAiDataset(path);
  console.log(`wrote ${path}`);
}
