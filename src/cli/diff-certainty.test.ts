/**
 * `incumbent diff` says how sure an ending or a resolution is by the event that ended it: Tasha
 * McCauley joined the board on OpenAI's announcement, but that she left it is only reported.
 */
import { describe, expect, it } from 'vitest';
import { main } from './main';

async function diff(from: string, to: string): Promise<string> {
  let out = '';
  const code = await main(['diff', '--from', from, '--to', to], { out: (t) => void (out += t), err: () => undefined, readStdin: async () => '' });
  expect(code).toBe(0);
  return out;
}

describe('incumbent diff', () => {
  it('says when an ending or a resolution is only reported, whatever began it', async () => {
    const newBoard = await diff('2023-11-28T00:00:00-08:00', '2023-11-30T12:00:00-08:00');
    expect(newBoard).toContain('Tasha McCauley left the board (other) (reported)\n');
    expect(newBoard).toContain('Helen Toner left the board (resigned)\n');
    const weekend = await diff('2023-11-19T00:00:00-08:00', '2023-11-21T00:00:00-08:00');
    expect(weekend).toContain('Resolved negotiation (superseded): A new venture by Sam Altman, to include Greg Brockman, pitched to investors (reported)\n');
  });
});
