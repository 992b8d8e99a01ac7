import { expect, it } from 'vitest';
import { inputFuzzCampaign } from './input-fuzz';

it('every fuzzed input that breaks a rule is refused with a named field and the log unchanged', { timeout: 120_000 }, async () => {
  const outcome = await inputFuzzCampaign({ trials: 200, seed: 3 });
  expect(outcome.failures).toEqual([]);
});
