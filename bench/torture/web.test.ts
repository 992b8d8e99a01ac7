import { expect, it } from 'vitest';
import { webCampaign } from './web';

it('web host abuse: every abusive request is answered as expected, the host stays up, the log stays as it was', async () => {
  const outcome = await webCampaign({ trials: 150, seed: 20231117 });
  expect(outcome.failures, `failed trials:\n${outcome.failures.join('\n')}`).toEqual([]);
  expect(outcome).toMatchObject({ area: 'web host abuse', tried: 150, passed: 150 });
}, 120_000);
