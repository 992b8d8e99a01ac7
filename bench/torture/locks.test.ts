import { expect, it } from 'vitest';
import { lockCampaign } from './locks';

it('processes racing for a stale or live lock never lose or double an acknowledged event', { timeout: 120_000 }, async () => {
  const outcome = await lockCampaign({ trials: 25, seed: 11 });
  expect(outcome.failures).toEqual([]);
});
