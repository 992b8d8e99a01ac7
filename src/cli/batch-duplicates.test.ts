/**
 * An id names one event: sent twice in one batch (two files joined with an overlap), the second
 * copy is a no-op, as it is when the log already holds it, and a second with other content is an
 * id conflict. The contradiction check used to decide the copy as a second fact, so the batch was
 * refused as "bob is already on the board" (by the copy's own first), naming no id.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli as run } from './run-cli.test-support';

const joined = (certainty: string) =>
  JSON.stringify({ id: 'b1', type: 'board.joined', subject: 'acme', time: '2024-01-05T00:00:00Z', data: { certainty, citation: { document: 'A gazette', quote: 'Bob joins.' }, person: { id: 'bob', name: 'Bob' } } });

async function appendToNewLog(...lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'incumbent-dups-'));
  const log = join(dir, 'acme.jsonl');
  expect((await run(['init', '--log', log, '--title', 'Acme', '--company', 'acme'])).code).toBe(0);
  writeFileSync(join(dir, 'events.jsonl'), `${lines.join('\n')}\n`);
  return { log, ...(await run(['append', '--log', log, join(dir, 'events.jsonl')])) };
}

describe('an id sent twice in one batch', () => {
  it('with the same content is appended once', async () => {
    const { code, err, log } = await appendToNewLog(joined('confirmed'), joined('confirmed'));
    expect(err).toContain('1 appended, 1 already present');
    expect(code).toBe(0);
    expect(readFileSync(log, 'utf8').match(/"id":"b1"/g)).toHaveLength(1);
  });

  it('with other content is refused as an id conflict, naming the field', async () => {
    const { code, err } = await appendToNewLog(joined('confirmed'), joined('reported'));
    expect(code).toBe(1);
    expect(err).toMatch(/event 2\.id: id "b1" is already used by an earlier event of this batch with a different data/);
  });
});
