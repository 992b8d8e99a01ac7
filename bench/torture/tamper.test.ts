import { expect, it } from 'vitest';
import { tamperCampaign } from './tamper';

it('every random mutation of a log, its last line included, is found', { timeout: 120_000 }, async () => {
  const outcome = await tamperCampaign({ trials: 300, seed: 5 });
  expect(outcome.failures).toEqual([]);
});
