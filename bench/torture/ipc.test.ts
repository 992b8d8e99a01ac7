/** The fuzzed-IPC campaign at a small size inside `npm test`; `npm run torture` runs ~2000 trials. */
import { expect, it } from 'vitest';
import { ipcCampaign } from './ipc';

it('refuses every hostile IPC argument as data, naming the field, and leaves the log untouched', async () => {
  const outcome = await ipcCampaign({ trials: 150, seed: 20231117 });
  expect(outcome.tried).toBe(150);
  expect(outcome.failures, outcome.failures.join('\n')).toEqual([]);
});
