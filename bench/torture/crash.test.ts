import { expect, it } from 'vitest';
import { crashCampaign } from './crash';

it('a writer killed mid-append loses no acknowledged batch and leaves no partial one', { timeout: 120_000 }, async () => {
  const outcome = await crashCampaign({ trials: 6, seed: 7 });
  expect(outcome.failures).toEqual([]);
});
