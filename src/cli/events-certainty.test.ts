/**
 * `incumbent events` (and what `append` prints) says how sure each listed event is, as `diff` does: a rumoured negotiation
 * or a reported departure must not read as a confirmed fact in the plain listing.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main';
import { runCli } from './run-cli.test-support';

async function events(...args: string[]): Promise<string> {
  let out = '';
  const code = await main(['events', ...args], { out: (t) => void (out += t), err: () => undefined, readStdin: async () => '' });
  expect(code).toBe(0);
  return out;
}

describe('incumbent events', () => {
  it('marks reported and rumoured events, and leaves confirmed ones plain', async () => {
    const out = await events('--from', '2023-11-19T00:00:00-08:00', '--to', '2023-11-30T00:00:00-08:00');
    expect(out).toMatch(/#21 {2}negotiation\.opened {2}openai {2}Negotiation: Investors push the board to reinstate Sam Altman as CEO \(rumoured\)\n/);
    expect(out).toMatch(/#45 {2}board\.left {2}openai {2}Tasha McCauley left the board \(other\) \(reported\)\n/);
    expect(out).toMatch(/#46 {2}board\.left {2}openai {2}Helen Toner left the board \(resigned\)\n/);
  });

  it('append says so of what it appended', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'incumbent-sure-')), 'acme.jsonl');
    expect((await runCli(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
    const event = (id: string, certainty: string, person: string) => JSON.stringify({ id, type: 'board.joined', subject: 'acme', time: '2024-03-01T09:00:00-08:00', timezone: 'America/Los_Angeles', data: { certainty, citation: { document: 'a.txt', quote: 'q' }, person: { id: person, name: person } } });
    const { code, out } = await runCli(['append', '--log', log, '-'], `${event('a-1', 'rumoured', 'bo')}\n${event('a-2', 'confirmed', 'al')}\n`);
    expect(code).toBe(0);
    expect(out).toContain('appended #2 a-1 board.joined bo joined the board (rumoured)\n');
    expect(out).toContain('appended #3 a-2 board.joined al joined the board\n');
  });
});
