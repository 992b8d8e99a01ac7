import { expect, it } from 'vitest';
import { powerLossCampaign } from './power-loss';

it('a log cut anywhere inside its last batch keeps all earlier batches and none of the cut one', async () => {
  const outcome = await powerLossCampaign({ trials: 300, seed: 1 });
  expect(outcome.failures).toEqual([]);
  expect(outcome.tried).toBe(300);
});
